package org.uputnica.cases.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may ask who owns a case and what one of its consents allows ({@code /ownership}, {@code /terms}): the
 * referral-service's service account (realm role {@code case-lookup}), the owner agency's staff, and the staff of
 * an agency that is a party of an open referral of the case. For anyone else the case does not exist (404). Every
 * answer is in the access log.
 */
@ApplicationScoped
public class CaseLookup {
    /** The agency the audit names for a service account: Uputnica itself, as the referral-service's system actor. */
    static final String SERVICE_AGENCY = "uputnica";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CurrentCaller caller;
    private final AccessAudit audit;

    public CaseLookup(SecurityIdentity identity, JsonWebToken token, CurrentCaller caller, AccessAudit audit) {
        this.identity = identity;
        this.token = token;
        this.caller = caller;
        this.audit = audit;
    }

    /** 404 unless the caller may look the case up; records the look-up ({@code basisId}: the consent, if any). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile require(UUID caseId, String purpose, UUID basisId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw notFound(caseId);
        }
        if (identity.hasRole(Roles.CASE_LOOKUP)) {
            String name = token.getClaim("preferred_username");
            Caller service = new Caller(token.getSubject(), name == null ? token.getSubject() : name, SERVICE_AGENCY,
                    identity.getRoles());
            audit.record(service, caseId, AccessAudit.Action.READ, purpose, "SERVICE", basisId);
            return c;
        }
        Caller who = caller.get();
        if (!who.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            throw notFound(caseId);
        }
        if (c.ownerAgency.equals(who.agency())) {
            audit.record(who, caseId, AccessAudit.Action.READ, purpose, "OWNER", basisId);
            return c;
        }
        Optional<CaseReferral> party = CaseReferral.ofCase(caseId).stream()
                .filter(r -> !CaseReferral.CLOSED.contains(r.status) && r.revokedAt == null)
                .filter(r -> who.agency().equals(r.fromAgency) || who.agency().equals(r.toAgency))
                .findFirst();
        if (party.isEmpty()) {
            throw notFound(caseId);
        }
        audit.record(who, caseId, AccessAudit.Action.READ, purpose, "REFERRAL", party.get().referralId);
        return c;
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("no case " + caseId + " that you may see");
    }
}
