package org.uputnica.referrals.directory;

/** The legal status of a person, as a service's eligibility and the search filter name it. */
public enum LegalStatus {
    CITIZEN,
    ASYLUM_SEEKER,
    REFUGEE,
    RETURNEE,
    UNDOCUMENTED
}
