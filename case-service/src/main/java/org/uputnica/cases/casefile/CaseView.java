package org.uputnica.cases.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseReferral;
import org.uputnica.cases.access.Capacity;
import org.uputnica.cases.person.PersonView;
import org.uputnica.cases.person.SharedPersonView;
import org.uputnica.identity.Caller;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A case as the caller may see it. The owner agency sees everything; a collaborating agency the reference and the
 * kinds of data shared with it ({@code sharedData}); a working-group coordinator the reference, the step and the
 * referral trail. Sections the caller may not see are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID id, String reference, String ownerAgency, Capacity access, Set<String> sharedData,
                       List<CaseCategory> categories, CaseStep step, OffsetDateTime createdAt, String responsibleUser,
                       String supervisorUser, Risk risk, Closure closure, OffsetDateTime anonymisedAt,
                       Object person, List<Trail> referrals, Long version) {

    public record Risk(RiskLevel level, String reason, OffsetDateTime assessedAt, String assessedBy) {
    }

    public record Closure(ClosureReason reason, String note, OffsetDateTime closedAt) {
    }

    /** A referral of the case, as a coordinator follows it. */
    public record Trail(UUID referralId, String fromAgency, String toAgency, String kind, String status,
                        String workingGroup) {
    }

    public static CaseView owner(CaseFile c) {
        return new CaseView(c.id, c.reference, c.ownerAgency, Capacity.OWNER, null, List.copyOf(c.categories), c.step,
                c.createdAt, c.responsibleUser, c.supervisorUser, risk(c), closure(c), c.anonymisedAt,
                PersonView.of(c.person), null, c.version);
    }

    public static CaseView of(CaseAccess access, Caller caller) {
        CaseFile c = access.caseFile();
        return switch (access.capacity()) {
            case OWNER -> owner(c);
            case COLLABORATOR -> {
                boolean summary = access.shares("CASE_SUMMARY");
                yield new CaseView(c.id, c.reference, c.ownerAgency, Capacity.COLLABORATOR, access.sharedData(),
                        summary ? List.copyOf(c.categories) : null, summary ? c.step : null, null, null, null,
                        access.shares("RISK_ASSESSMENT") ? risk(c) : null, null, null,
                        SharedPersonView.of(c.person, access.sharedData()), null, null);
            }
            case COORDINATOR -> new CaseView(c.id, c.reference, c.ownerAgency, Capacity.COORDINATOR, null, null,
                    c.step, null, null, null, null, null, null, null,
                    CaseReferral.ofCase(c.id).stream()
                            .filter(r -> r.workingGroup != null && caller.coordinates(r.workingGroup))
                            .map(r -> new Trail(r.referralId, r.fromAgency, r.toAgency, r.kind, r.status, r.workingGroup))
                            .toList(), null);
        };
    }

    private static Risk risk(CaseFile c) {
        return c.riskLevel == null ? null : new Risk(c.riskLevel, c.riskReason, c.riskAssessedAt, c.riskAssessedBy);
    }

    private static Closure closure(CaseFile c) {
        return c.closureReason == null ? null : new Closure(c.closureReason, c.closureNote, c.closedAt);
    }
}
