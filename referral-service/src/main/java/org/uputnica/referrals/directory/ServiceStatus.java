package org.uputnica.referrals.directory;

/** An inactive service stays in the directory (and its history) but is not found by the search. */
public enum ServiceStatus {
    ACTIVE,
    INACTIVE
}
