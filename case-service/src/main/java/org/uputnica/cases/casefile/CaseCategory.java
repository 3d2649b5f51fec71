package org.uputnica.cases.casefile;

/** Why a case exists: the groups the agencies protect. */
public enum CaseCategory {
    UNACCOMPANIED_MINOR,
    SEPARATED_CHILD,
    CHILD_IN_STREET_SITUATION,
    CHILD_FOUND_BEGGING,
    VICTIM_OF_TRAFFICKING,
    VICTIM_OF_VIOLENCE,
    RETURNEE,
    ROMA_FAMILY_IN_NEED,
    PERSON_WITH_DISABILITY,
    ASYLUM_SEEKER
}
