package org.uputnica.cases;

import org.uputnica.platform.problem.ProblemType;

/** The case-service's own problem types (docs/problems.md lists them). */
public final class CaseProblems {
    /** The caller's agency does not own the case, or the caller's role may not do this to it. */
    public static final String NOT_CASE_OWNER = ProblemType.of("not-case-owner");
    /** Only a supervisor of the owner agency may do this. */
    public static final String SUPERVISOR_REQUIRED = ProblemType.of("supervisor-required");
    /** The case cannot move from its current step to the one asked for. */
    public static final String ILLEGAL_STEP = ProblemType.of("illegal-step");
    /** The case's personal data was anonymised: nothing about the person can change any more. */
    public static final String CASE_ANONYMISED = ProblemType.of("case-anonymised");
    /** The retention period of the case has not passed (or the case is not closed): it may not be erased yet. */
    public static final String RETENTION_RUNNING = ProblemType.of("retention-period-running");
    /** The consent was already withdrawn. */
    public static final String CONSENT_WITHDRAWN = ProblemType.of("consent-withdrawn");
    /** A document is larger than the configured limit. */
    public static final String DOCUMENT_TOO_LARGE = ProblemType.of("document-too-large");

    /** Only an accepted referral whose sharing was not revoked gives access that the owner can extend. */
    public static final String NOT_EXTENDABLE = ProblemType.of("collaboration-not-extendable");

    private CaseProblems() {
    }
}
