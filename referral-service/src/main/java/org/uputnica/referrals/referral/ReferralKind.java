package org.uputnica.referrals.referral;

/** A plain referral for a service, or a transfer: accepting it moves ownership of the case to the receiver. */
public enum ReferralKind {
    REFERRAL, TRANSFER
}
