package org.uputnica.referrals.referral;

/** Priorities of the inter-agency referral form: answer within 24 hours, 72 hours, two weeks. */
public enum Urgency {
    EMERGENCY, URGENT, ROUTINE
}
