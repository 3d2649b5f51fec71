package org.uputnica.cases.casefile;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.person.Person;
import org.uputnica.cases.person.PersonInput;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseClosed;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Opens, reads and changes cases; the caller's agency owns what it opens. */
@ApplicationScoped
public class CaseRegistry {

    @Inject
    org.uputnica.platform.outbox.Outbox outbox;

    @Inject
    AccessAudit audit;

    @Inject
    org.uputnica.cases.access.CaseLookup lookup;

    @Inject
    CaseAccessPolicy policy;

    @Inject
    CaseReferences references;

    @Inject
    Clock clock;

    @Transactional
    public CaseView open(Caller caller, NewCase input) {
        List<CaseCategory> categories = input.allCategories();
        if (categories.isEmpty()) {
            throw ProblemException.invalidField("category", "name at least one category (category or categories)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.apply(input.person(), LocalDate.now(clock), "person.");
        person.persist();

        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.reference = references.next(caller.agency(), now.getYear());
        c.person = person;
        c.category = categories.get(0);
        c.categories = new ArrayList<>(categories);
        c.ownerAgency = caller.agency();
        c.createdBy = caller.userId();
        c.createdAt = now;
        c.responsibleUser = input.responsibleUser() == null ? caller.username() : input.responsibleUser().strip();
        c.supervisorUser = input.supervisorUser();
        if (input.risk() != null) {
            assessRisk(c, input.risk(), caller, now);
        }
        c.persist();
        recordStep(c, null, CaseStep.INTAKE, caller, null, now);

        audit.record(caller, c.id, AccessAudit.Action.CREATE, "case opened by owner agency");
        outbox.publish(EventType.CASE_CREATED, c.id,
                new CaseCreated(c.id, c.ownerAgency, new Actor(caller.agency(), caller.userId())));
        return CaseView.owner(c);
    }

    /** The case as the caller may see it; others learn nothing, not even that it exists. */
    @Transactional
    public CaseView read(Caller caller, UUID id) {
        CaseAccess access = policy.view(caller, id);
        audit.record(caller, access, AccessAudit.Action.READ, "case read");
        return CaseView.of(access, caller);
    }

    /** The owner agency's cases, newest first; every case listed is a read of its person's name. */
    @Transactional
    public List<CaseSummary> list(Caller caller, CaseStep step, CaseCategory category, RiskLevel risk,
                                  String responsible, int page, int size) {
        StringBuilder query = new StringBuilder("ownerAgency = :agency");
        Parameters params = Parameters.with("agency", caller.agency());
        if (step != null) {
            query.append(" and step = :step");
            params.and("step", step);
        }
        if (risk != null) {
            query.append(" and riskLevel = :risk");
            params.and("risk", risk);
        }
        if (responsible != null) {
            query.append(" and responsibleUser = :responsible");
            params.and("responsible", responsible);
        }
        List<CaseFile> found = CaseFile.<CaseFile>find(query.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size)).list();
        List<CaseSummary> result = new ArrayList<>();
        for (CaseFile c : found) {
            if (category != null && !c.categories.contains(category)) {
                continue;
            }
            audit.record(caller, c.id, AccessAudit.Action.READ, "case list");
            result.add(CaseSummary.of(c));
        }
        return result;
    }

    @Transactional
    public CaseView change(Caller caller, UUID id, Long expectedVersion, CasePatch patch) {
        CaseFile c = writable(caller, id, expectedVersion);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (patch.categories() != null) {
            c.categories = new ArrayList<>(new java.util.LinkedHashSet<>(patch.categories()));
            c.category = c.categories.get(0);
        }
        if (patch.responsibleUser() != null) {
            c.responsibleUser = patch.responsibleUser().strip();
        }
        if (patch.supervisorUser() != null) {
            c.supervisorUser = patch.supervisorUser().strip();
        }
        if (patch.risk() != null) {
            assessRisk(c, patch.risk(), caller, now);
        }
        audit.record(caller, c.id, AccessAudit.Action.UPDATE, "case changed");
        return CaseView.owner(flush(c));
    }

    @Transactional
    public CaseView changePerson(Caller caller, UUID id, Long expectedVersion, PersonInput input) {
        CaseFile c = writable(caller, id, expectedVersion);
        c.person.apply(input, LocalDate.now(clock), "");
        // the person is part of the case: the case's version (its ETag) moves with it
        CaseFile.getEntityManager().lock(c, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        audit.record(caller, c.id, AccessAudit.Action.UPDATE, "person details changed");
        return CaseView.owner(flush(c));
    }

    @Transactional
    public CaseView moveTo(Caller caller, UUID id, Long expectedVersion, StepChange change) {
        CaseFile c = writable(caller, id, expectedVersion);
        if (!c.step.canMoveTo(change.step())) {
            throw ProblemException.conflict(CaseProblems.ILLEGAL_STEP,
                    "a case in step " + c.step + " can move to " + c.step.next() + ", not " + change.step());
        }
        if (c.step.needsSupervisorToMoveTo(change.step()) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(CaseProblems.SUPERVISOR_REQUIRED, "only a supervisor reopens a closed case");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (change.step() == CaseStep.CLOSED) {
            if (change.closureReason() == null) {
                throw ProblemException.invalidField("closureReason", "is required to close a case");
            }
            c.closureReason = change.closureReason();
            c.closureNote = change.note();
            c.closedAt = now;
            outbox.publish(EventType.CASE_CLOSED, c.id, new CaseClosed(c.id, c.ownerAgency, c.closureReason.name(),
                    new Actor(caller.agency(), caller.userId())));
        } else if (c.step == CaseStep.CLOSED) {
            c.closureReason = null;
            c.closureNote = null;
            c.closedAt = null;
        }
        recordStep(c, c.step, change.step(), caller, change.note(), now);
        c.step = change.step();
        audit.record(caller, c.id, AccessAudit.Action.UPDATE, "step changed to " + change.step());
        return CaseView.owner(flush(c));
    }

    /** The case's steps and ownership moves, oldest first. */
    @Transactional
    public List<HistoryEntry> history(Caller caller, UUID id) {
        CaseAccess access = policy.owner(caller, id);
        audit.record(caller, access, AccessAudit.Action.READ, "case history");
        return historyOf(id);
    }

    /** Without an access check or audit record: for callers that did both. */
    public static List<HistoryEntry> historyOf(UUID id) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (CaseStepChange s : CaseStepChange.<CaseStepChange>list("caseId = ?1", id)) {
            entries.add(new HistoryEntry(s.at, "STEP", s.fromStep == null ? null : s.fromStep.name(), s.toStep.name(),
                    s.byUser, s.note, null));
        }
        for (org.uputnica.cases.transfer.CaseOwnershipChange o
                : org.uputnica.cases.transfer.CaseOwnershipChange.<org.uputnica.cases.transfer.CaseOwnershipChange>list("caseId = ?1", id)) {
            entries.add(new HistoryEntry(o.at, "OWNERSHIP", o.fromAgency, o.toAgency, o.acceptedBy, null, o.referralId));
        }
        entries.sort(java.util.Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    @Transactional
    public CaseOwnership ownership(UUID id) {
        CaseFile c = lookup.require(id, "case ownership look-up", null);
        return new CaseOwnership(c.id, c.ownerAgency);
    }

    /** The owner's case, not anonymised, at the version the caller last read (when they say which). */
    private CaseFile writable(Caller caller, UUID id, Long expectedVersion) {
        CaseFile c = policy.owner(caller, id).caseFile();
        if (c.anonymisedAt != null) {
            throw ProblemException.conflict(CaseProblems.CASE_ANONYMISED, "the case was anonymised on " + c.anonymisedAt);
        }
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ProblemException(412, org.uputnica.platform.problem.ProblemType.STALE_VERSION, "Precondition failed",
                    "the case changed since you read it (version " + c.version + "); read it again");
        }
        return c;
    }

    private static CaseFile flush(CaseFile c) {
        CaseFile.getEntityManager().flush(); // so the view carries the version the next If-Match must name
        return c;
    }

    private static void assessRisk(CaseFile c, RiskInput risk, Caller caller, OffsetDateTime now) {
        c.riskLevel = risk.level();
        c.riskReason = risk.reason().strip();
        c.riskAssessedAt = now;
        c.riskAssessedBy = caller.username();
    }

    private static void recordStep(CaseFile c, CaseStep from, CaseStep to, Caller caller, String note,
                                   OffsetDateTime now) {
        CaseStepChange change = new CaseStepChange();
        change.caseId = c.id;
        change.at = now;
        change.fromStep = from;
        change.toStep = to;
        change.byUser = caller.username();
        change.note = note;
        change.persist();
    }
}
