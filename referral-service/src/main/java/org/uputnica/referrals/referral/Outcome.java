package org.uputnica.referrals.referral;

/** What came of an accepted referral: the answer the sender needs to close the loop. */
public enum Outcome {
    PROVIDED, PARTLY_PROVIDED, NOT_PROVIDED
}
