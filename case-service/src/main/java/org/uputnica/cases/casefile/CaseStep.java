package org.uputnica.cases.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of case management. A case moves forward one step at a time, a review may send it back to planning or
 * implementation, any open case may be closed (with a reason), and only a supervisor reopens a closed one.
 */
public enum CaseStep {
    INTAKE, ASSESSMENT, PLANNING, IMPLEMENTATION, REVIEW, CLOSED;

    public Set<CaseStep> next() {
        return switch (this) {
            case INTAKE -> EnumSet.of(ASSESSMENT, CLOSED);
            case ASSESSMENT -> EnumSet.of(PLANNING, CLOSED);
            case PLANNING -> EnumSet.of(IMPLEMENTATION, CLOSED);
            case IMPLEMENTATION -> EnumSet.of(REVIEW, CLOSED);
            case REVIEW -> EnumSet.of(IMPLEMENTATION, PLANNING, CLOSED);
            case CLOSED -> EnumSet.of(ASSESSMENT);
        };
    }

    public boolean canMoveTo(CaseStep target) {
        return next().contains(target);
    }

    /** Reopening a closed case needs a supervisor. */
    public boolean needsSupervisorToMoveTo(CaseStep target) {
        return this == CLOSED && target != CLOSED;
    }
}
