package org.uputnica.referrals.referral;

/** The side of a referral an agency is on. */
public enum Party {
    SENDER, RECEIVER, NONE;

    public static Party of(Referral referral, String agency) {
        if (referral.toAgency.equals(agency)) {
            return RECEIVER;
        }
        if (referral.fromAgency.equals(agency)) {
            return SENDER;
        }
        return NONE;
    }
}
