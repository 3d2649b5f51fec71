package org.uputnica.referrals.deadline;

/** What a referral's deadline waits for. Its name travels as the {@code deadline} of overdue and escalated events. */
public enum DeadlineKind {
    /** The receiver has seen the referral (or answered it). Runs from SENT. */
    ACKNOWLEDGE,
    /** The receiver accepts or declines. Runs from SENT. */
    RESPOND,
    /** The receiver makes first contact with the person (IN_PROGRESS). Runs from ACCEPTED. */
    FIRST_CONTACT
}
