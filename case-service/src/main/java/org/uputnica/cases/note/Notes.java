package org.uputnica.cases.note;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Notes are the owner agency's working record: never shared, not even with a collaborating agency. */
@ApplicationScoped
public class Notes {

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    Clock clock;

    @Transactional
    public NoteView add(Caller caller, UUID caseId, NoteInput in) {
        CaseAccess access = policy.owner(caller, caseId);
        if (access.caseFile().anonymisedAt != null) {
            throw ProblemException.conflict(CaseProblems.CASE_ANONYMISED, "the case was anonymised");
        }
        CaseNote note = new CaseNote();
        note.id = UUID.randomUUID();
        note.caseId = caseId;
        note.at = OffsetDateTime.now(clock);
        note.authorUser = caller.userId();
        note.authorName = caller.username();
        note.authorAgency = caller.agency();
        note.text = in.text().strip();
        note.confidential = in.confidential();
        note.persist();
        audit.record(caller, access, AccessAudit.Action.CREATE, "note " + note.id + " added");
        return NoteView.of(note);
    }

    @Transactional
    public List<NoteView> list(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        audit.record(caller, access, AccessAudit.Action.READ, "notes read");
        return CaseNote.<CaseNote>list("caseId = ?1 order by at", caseId).stream()
                .filter(n -> visible(caller, n)).map(NoteView::of).toList();
    }

    static boolean visible(Caller caller, CaseNote n) {
        return !n.confidential || caller.hasRole(Roles.SUPERVISOR) || caller.userId().equals(n.authorUser);
    }
}
