package org.uputnica.referrals.referral;

/**
 * Coded reasons seen in the field for declining (and for the automatic withdrawal of the other candidates of a
 * multi-agency request); the sender's statistics count these, the free-text note explains.
 */
public enum DeclineReason {
    NOT_ELIGIBLE, NO_CAPACITY, SERVICE_NOT_PROVIDED, UNABLE_TO_CONTACT, DUPLICATE, OTHER
}
