package org.uputnica.cases.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.access.CaseReferral;
import org.uputnica.cases.access.CollaborationView;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.audit.AccessLog;
import org.uputnica.cases.audit.AccessRecord;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.cases.casefile.CaseRegistry;
import org.uputnica.cases.casefile.CaseStep;
import org.uputnica.cases.casefile.CaseView;
import org.uputnica.cases.consent.Consent;
import org.uputnica.cases.consent.ConsentView;
import org.uputnica.cases.document.CaseDocument;
import org.uputnica.cases.document.DocumentStore;
import org.uputnica.cases.document.DocumentView;
import org.uputnica.cases.note.CaseNote;
import org.uputnica.cases.note.NoteView;
import org.uputnica.cases.plan.PlanView;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseAnonymised;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The person's rights over their data: a full export (subject access), and anonymisation once the retention period
 * of a closed case has passed. Both are for a supervisor of the owner agency, and both are audited.
 */
@ApplicationScoped
public class SubjectAccess {
    static final String ERASED = "[erased]";

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    AccessLog log;

    @Inject
    DocumentStore documents;

    @Inject
    Outbox outbox;

    @Inject
    RetentionConfig retention;

    @Inject
    SubjectAccessConfig config;

    @Inject
    Clock clock;

    @Transactional
    public SubjectAccessExport export(Caller caller, UUID caseId, boolean includeConfidential) {
        CaseAccess access = policy.ownerSupervisor(caller, caseId);
        LocalDate today = LocalDate.now(clock);
        // the oldest records up to the cap: a case read very often would otherwise be held in memory whole
        int cap = config.maxAccessRecords();
        List<AccessRecord> accessLog = log.of(caseId, null, null, null, 0, cap + 1);
        boolean complete = accessLog.size() <= cap;
        long total = complete ? accessLog.size() : log.count(caseId);
        List<CaseNote> notes = CaseNote.list("caseId = ?1 order by at", caseId);
        List<NoteView> included = notes.stream().filter(n -> includeConfidential || !n.confidential)
                .map(NoteView::of).toList();
        SubjectAccessExport export = new SubjectAccessExport(OffsetDateTime.now(clock), caller.username(),
                CaseView.owner(access.caseFile()),
                Consent.<Consent>list("caseId = ?1 order by recordedAt", caseId).stream()
                        .map(c -> ConsentView.of(c, today)).toList(),
                PlanView.of(caseId), included, notes.size() - included.size(),
                CaseDocument.<CaseDocument>list("caseId = ?1 order by uploadedAt", caseId).stream()
                        .map(DocumentView::of).toList(),
                CaseRegistry.historyOf(caseId),
                CaseReferral.ofCase(caseId).stream().map(r -> CollaborationView.of(r, today)).toList(),
                complete ? accessLog : accessLog.subList(0, cap), total, complete);
        audit.record(caller, access, AccessAudit.Action.EXPORT,
                "subject access export" + (includeConfidential ? " with confidential notes" : ""));
        return export;
    }

    @Transactional
    public CaseView anonymise(Caller caller, UUID caseId) {
        CaseAccess access = policy.ownerSupervisor(caller, caseId);
        CaseFile c = access.caseFile();
        if (c.anonymisedAt != null) {
            throw ProblemException.conflict(CaseProblems.CASE_ANONYMISED, "the case was anonymised on " + c.anonymisedAt);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c.step != CaseStep.CLOSED || c.closedAt == null) {
            throw ProblemException.conflict(CaseProblems.RETENTION_RUNNING,
                    "only a closed case may be anonymised, after its retention period of " + retention.retention());
        }
        OffsetDateTime allowedFrom = c.closedAt.plus(retention.retention());
        if (now.isBefore(allowedFrom)) {
            throw ProblemException.conflict(CaseProblems.RETENTION_RUNNING,
                    "the retention period runs until " + allowedFrom.toLocalDate() + "; the case may be anonymised after it");
        }
        c.person.anonymise();
        c.riskReason = c.riskReason == null ? null : ERASED;
        c.closureNote = c.closureNote == null ? null : ERASED;
        c.responsibleUser = null;
        c.supervisorUser = null;
        c.anonymisedAt = now;
        CaseFile.update("update CaseStepChange set note = null where caseId = ?1", caseId);
        CaseFile.update("update CaseNote set text = ?1 where caseId = ?2", ERASED, caseId);
        CaseFile.update("update CaseGoal set title = ?1 where caseId = ?2", ERASED, caseId);
        CaseFile.update("update CaseTask set title = ?1, responsibleUser = null where caseId = ?2", ERASED, caseId);
        CaseFile.update("update Consent set giverName = ?1, purpose = ?1, witness = null, withdrawalNote = null "
                + "where caseId = ?2", ERASED, caseId);
        // what either agency wrote about this child being the same as another agency's record is free text too
        CaseFile.update("update RecordMatch set note = null where caseA = ?1 or caseB = ?1", caseId);
        CaseFile.update("update RecordLink set note = null, dissolutionNote = null where caseA = ?1 or caseB = ?1", caseId);
        for (CaseDocument d : CaseDocument.<CaseDocument>list("caseId = ?1", caseId)) {
            documents.erase(d);
            d.name = ERASED;
        }
        audit.record(caller, access, AccessAudit.Action.ERASE, "anonymised after the retention period");
        outbox.publish(EventType.CASE_ANONYMISED, c.id, new CaseAnonymised(c.id, c.ownerAgency,
                new Actor(caller.agency(), caller.userId())));
        CaseFile.getEntityManager().flush();
        return CaseView.owner(c);
    }
}
