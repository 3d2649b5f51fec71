package org.uputnica.cases.subject;

import org.uputnica.cases.access.CollaborationView;
import org.uputnica.cases.audit.AccessRecord;
import org.uputnica.cases.casefile.CaseView;
import org.uputnica.cases.casefile.HistoryEntry;
import org.uputnica.cases.consent.ConsentView;
import org.uputnica.cases.document.DocumentView;
import org.uputnica.cases.note.NoteView;
import org.uputnica.cases.plan.PlanView;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the case holds about the person, for a subject access request: the case and person, consents, plan,
 * notes (confidential ones only when the supervisor includes them; {@code confidentialNotesWithheld} counts the
 * rest), document metadata, history, the agencies it was shared with, and who accessed it: the oldest
 * {@code uputnica.subject-access.max-access-records} (10,000) records of the access log. {@code accessLogTotal} counts
 * them all; when {@code accessLogComplete} is false, the rest are read page by page from
 * {@code GET /api/v1/cases/{caseId}/access-log} (also as CSV).
 */
public record SubjectAccessExport(OffsetDateTime generatedAt, String generatedBy, CaseView caseFile,
                                  List<ConsentView> consents, PlanView plan, List<NoteView> notes,
                                  int confidentialNotesWithheld, List<DocumentView> documents,
                                  List<HistoryEntry> history, List<CollaborationView> sharedWith,
                                  List<AccessRecord> accessLog, long accessLogTotal, boolean accessLogComplete) {
}
