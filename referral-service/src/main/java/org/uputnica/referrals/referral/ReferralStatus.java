package org.uputnica.referrals.referral;

/** Where a referral stands. Terminal states accept no further change. */
public enum ReferralStatus {
    SENT, ACKNOWLEDGED, ACCEPTED, DECLINED;

    public boolean isTerminal() {
        return this == DECLINED;
    }
}
