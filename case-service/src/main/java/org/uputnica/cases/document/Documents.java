package org.uputnica.cases.document;

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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The owner agency's documents of a case. A confidential document is seen only by who uploaded it and the
 * supervisors; documents are never shared with other agencies through a referral.
 */
@ApplicationScoped
public class Documents {

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    DocumentStore store;

    @Inject
    DocumentsConfig config;

    @Inject
    Clock clock;

    @Transactional
    public DocumentView upload(Caller caller, UUID caseId, String name, String mediaType, boolean confidential,
                               byte[] content) {
        CaseAccess access = policy.owner(caller, caseId);
        if (access.caseFile().anonymisedAt != null) {
            throw ProblemException.conflict(CaseProblems.CASE_ANONYMISED, "the case was anonymised");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ProblemException.invalidField("name", "is required (the file name, at most 255 characters)");
        }
        UploadedContent.requireUsable(mediaType, content);
        if (content.length > config.maxBytes()) {
            throw new ProblemException(413, CaseProblems.DOCUMENT_TOO_LARGE, "Document too large",
                    "documents may have at most " + config.maxBytes() + " bytes");
        }
        CaseDocument doc = new CaseDocument();
        doc.id = UUID.randomUUID();
        doc.caseId = caseId;
        doc.name = name.strip();
        doc.mediaType = mediaType == null ? "application/octet-stream" : mediaType;
        doc.sizeBytes = content.length;
        doc.sha256 = sha256(content);
        doc.confidential = confidential;
        doc.uploadedAt = OffsetDateTime.now(clock);
        doc.uploadedBy = caller.username();
        store.put(doc, content);
        doc.persist();
        audit.record(caller, access, AccessAudit.Action.CREATE, "document " + doc.id + " uploaded");
        return DocumentView.of(doc);
    }

    @Transactional
    public List<DocumentView> list(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        audit.record(caller, access, AccessAudit.Action.READ, "documents listed");
        return CaseDocument.<CaseDocument>list("caseId = ?1 order by uploadedAt", caseId).stream()
                .filter(d -> visible(caller, d)).map(DocumentView::of).toList();
    }

    @Transactional
    public Content content(Caller caller, UUID caseId, UUID documentId) {
        CaseAccess access = policy.owner(caller, caseId);
        CaseDocument doc = CaseDocument.findById(documentId);
        if (doc == null || !doc.caseId.equals(caseId) || !visible(caller, doc)) {
            throw ProblemException.notFound("no document " + documentId + " in case " + caseId + " that you may see");
        }
        byte[] bytes = store.get(doc);
        if (bytes == null) {
            throw ProblemException.notFound("the content of document " + documentId + " was erased");
        }
        audit.record(caller, access, AccessAudit.Action.READ, "document " + doc.id + " read");
        return new Content(doc.name, doc.mediaType, bytes);
    }

    public record Content(String name, String mediaType, byte[] bytes) {
    }

    static boolean visible(Caller caller, CaseDocument d) {
        return !d.confidential || caller.hasRole(Roles.SUPERVISOR) || caller.username().equals(d.uploadedBy);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
