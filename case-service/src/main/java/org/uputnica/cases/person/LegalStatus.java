package org.uputnica.cases.person;

/** A person's legal status in the country: it decides which services they are eligible for. */
public enum LegalStatus {
    CITIZEN,
    ASYLUM_SEEKER,
    REFUGEE,
    /** Returned under a readmission agreement. */
    RETURNEE,
    UNDOCUMENTED,
    STATELESS,
    UNKNOWN
}
