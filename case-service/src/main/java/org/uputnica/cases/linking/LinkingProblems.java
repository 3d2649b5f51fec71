package org.uputnica.cases.linking;

import org.uputnica.platform.problem.ProblemType;

/** Record linking's own problem types (docs/problems.md lists them). */
public final class LinkingProblems {
    /** The match suggestion was already confirmed or rejected (by either agency). */
    public static final String MATCH_ALREADY_DECIDED = ProblemType.of("match-already-decided");

    private LinkingProblems() {
    }
}
