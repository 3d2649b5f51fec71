package org.uputnica.referrals.referral;

/** Coded decline reasons seen in the field; the sender's statistics count these, the free-text note explains. */
public enum DeclineReason {
    NOT_ELIGIBLE, NO_CAPACITY, SERVICE_NOT_PROVIDED, UNABLE_TO_CONTACT, DUPLICATE, OTHER
}
