package org.uputnica.cases.linking;

import org.uputnica.cases.CaseProblems;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

/**
 * Which other agencies' records a match suggestion request compares with. Comparing a child with every agency's
 * records tells the asker which agencies hold a child with that name and age: a search across agencies. So by
 * default only the records of agencies the case already works with are compared: an active referral about either
 * record, between the two agencies, in either direction. The open search is for a supervisor who records why
 * ({@code purpose}), and that purpose goes into the access audit of both agencies' cases.
 */
record SearchScope(String purpose) {
    /** The most a purpose may say: it is kept in the access audit (200 characters a row, with a prefix). */
    static final int MAX_PURPOSE = 150;

    /**
     * A referral in one of these statuses is active: sent and waiting for an answer, or accepted and worked on. A
     * closed one (completed, declined, withdrawn, forwarded) or one whose sharing was revoked no longer counts.
     */
    static final String ACTIVE_STATUSES = "'SENT', 'ACKNOWLEDGED', 'ESCALATED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'";

    static final SearchScope REFERRAL_PARTNERS = new SearchScope(null);

    /** The scope a request asks for: with a purpose, the open search, for a supervisor only. */
    static SearchScope of(Caller caller, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return REFERRAL_PARTNERS;
        }
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(CaseProblems.SUPERVISOR_REQUIRED,
                    "only a supervisor may compare a case with every agency's records (purpose); without one, "
                            + "suggestions come from the agencies the case has an active referral with");
        }
        String stripped = purpose.strip();
        if (stripped.length() > MAX_PURPOSE) {
            throw ProblemException.invalidField("purpose", "must be at most " + MAX_PURPOSE + " characters");
        }
        return new SearchScope(stripped);
    }

    boolean open() {
        return purpose != null;
    }

    /**
     * The SQL condition that keeps a candidate case {@code c} (with {@code c.owner_agency}) in scope of the subject
     * case {@code :subject} of agency {@code :agency}; empty for the open search.
     */
    String sqlCondition() {
        return open() ? "" : " and " + REFERRAL_BETWEEN;
    }

    static final String REFERRAL_BETWEEN = "exists (select 1 from case_referral r where r.case_id in (c.id, :subject)"
            + " and r.status in (" + ACTIVE_STATUSES + ") and r.revoked_at is null"
            + " and ((r.from_agency = :agency and r.to_agency = c.owner_agency)"
            + " or (r.from_agency = c.owner_agency and r.to_agency = :agency)))";

    /** What the asking agency's audit row says. */
    String auditPurpose() {
        return open() ? "match suggestions, open search: " + purpose : "match suggestions";
    }

    /** What the audit row on the other agency's case says. */
    String otherSideAuditPurpose(String askingAgency) {
        String text = "compared and shown to " + askingAgency + " as a possible match"
                + (open() ? " (open search: " + purpose + ")" : "");
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
