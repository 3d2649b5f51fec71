package org.uputnica.cases.linking;

public enum MatchStatus {
    /** Found by matching; waits for a caseworker of either agency. */
    SUGGESTED,
    /** A caseworker confirmed it: the records are linked. */
    CONFIRMED,
    /** A caseworker said they are different people: the pair is not suggested again. */
    REJECTED
}
