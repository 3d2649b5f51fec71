package org.uputnica.cases.casefile;

/** Why a case was closed: a code, so that reports can count them. */
public enum ClosureReason {
    GOALS_ACHIEVED, TRANSFERRED, MOVED_AWAY, REACHED_ADULTHOOD, NO_LONGER_NEEDED, PERSON_UNREACHABLE, DECEASED, OTHER
}
