package org.uputnica.cases.linking;

/** Why a confirmed link was dissolved: a code, so that wrong confirmations can be counted and their causes told apart. */
public enum DissolutionReason {
    /** New information shows that the two records are of different people. */
    NOT_SAME_PERSON,
    /** The confirmation was a slip (the wrong suggestion or the wrong case), not a judgement about the two people. */
    ENTERED_IN_ERROR,
    /** The same child's record in that agency is already linked through another case of this agency. */
    DUPLICATE_LINK
}
