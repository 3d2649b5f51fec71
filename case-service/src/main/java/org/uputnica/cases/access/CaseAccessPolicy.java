package org.uputnica.cases.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who reaches a case, and in what capacity. A caller with no capacity learns nothing, not even that the case
 * exists (404); a caller who may see a case but not do what they ask gets 403.
 */
@ApplicationScoped
public class CaseAccessPolicy {

    @Inject
    Clock clock;

    /** Any capacity: the case as the caller may see it. */
    public CaseAccess view(Caller caller, UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        return capacity(caller, c).orElseThrow(() -> notFound(caseId));
    }

    /** The owner agency's caseworkers and supervisors: the work on the case itself. */
    public CaseAccess owner(Caller caller, UUID caseId) {
        CaseAccess access = view(caller, caseId);
        if (!access.owner()) {
            throw ProblemException.forbidden(CaseProblems.NOT_CASE_OWNER,
                    "only the agency that owns the case may do this; you see it as " + access.capacity());
        }
        return access;
    }

    /** A supervisor of the owner agency: the audit, subject access, erasure, reopening. */
    public CaseAccess ownerSupervisor(Caller caller, UUID caseId) {
        CaseAccess access = owner(caller, caseId);
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(CaseProblems.SUPERVISOR_REQUIRED,
                    "only a supervisor of the owner agency may do this");
        }
        return access;
    }

    Optional<CaseAccess> capacity(Caller caller, CaseFile c) {
        if (c == null) {
            return Optional.empty();
        }
        boolean worker = caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR);
        if (worker && c.ownerAgency.equals(caller.agency())) {
            return Optional.of(new CaseAccess(c, Capacity.OWNER, Set.of(), null));
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> shared = new TreeSet<>();
        UUID collaboration = null;
        UUID coordination = null;
        for (CaseReferral r : CaseReferral.ofCase(c.id)) {
            if (worker && r.toAgency.equals(caller.agency()) && r.grantsAccess(today)) {
                shared.addAll(r.sharedData);
                collaboration = r.referralId;
            }
            if (r.workingGroup != null && caller.coordinates(r.workingGroup)) {
                coordination = r.referralId;
            }
        }
        if (collaboration != null) {
            return Optional.of(new CaseAccess(c, Capacity.COLLABORATOR, shared, collaboration));
        }
        if (coordination != null) {
            return Optional.of(new CaseAccess(c, Capacity.COORDINATOR, Set.of(), coordination));
        }
        return Optional.empty();
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("no case " + caseId + " that you may see");
    }
}
