package org.uputnica.cases.linking;

import org.uputnica.platform.problem.ProblemType;

/** Record linking's own problem types (docs/problems.md lists them). */
public final class LinkingProblems {
    /** The match suggestion was already confirmed or rejected (by either agency). */
    public static final String MATCH_ALREADY_DECIDED = ProblemType.of("match-already-decided");
    /** The record link was already dissolved (by either agency). */
    public static final String LINK_ALREADY_DISSOLVED = ProblemType.of("link-already-dissolved");

    private LinkingProblems() {
    }
}
