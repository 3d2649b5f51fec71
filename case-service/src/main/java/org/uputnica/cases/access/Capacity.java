package org.uputnica.cases.access;

/** In what capacity a caller reaches a case; it decides what they see and may do. */
public enum Capacity {
    /** A caseworker or supervisor of the agency that owns the case: everything, by role. */
    OWNER,
    /** A caseworker or supervisor of an agency that accepted a referral of the case: only what was shared. */
    COLLABORATOR,
    /** The coordinator of a working group that follows a referral of the case: the reference and the trail. */
    COORDINATOR
}
