package org.uputnica.notifications.settings;

/**
 * How a notice reaches a person. The inbox is the agency's record of what it was told and is always on; e-mail is
 * each person's choice per kind, except for urgent protection notices.
 */
public enum Channel {
    INBOX,
    EMAIL
}
