package org.uputnica.notifications.inbox;

/** For the badge: how many of the agency's items are unread, and how many there are. */
public record InboxCount(long unread, long total) {
}
