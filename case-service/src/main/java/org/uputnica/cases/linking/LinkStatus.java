package org.uputnica.cases.linking;

public enum LinkStatus {
    /** Confirmed and in force. */
    ACTIVE,
    /** Undone by a caseworker of either agency; kept so that both agencies see what was linked, and why it ended. */
    DISSOLVED
}
