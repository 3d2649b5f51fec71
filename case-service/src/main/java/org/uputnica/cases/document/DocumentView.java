package org.uputnica.cases.document;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DocumentView(UUID id, UUID caseId, String name, String mediaType, long sizeBytes, String sha256,
                           boolean confidential, OffsetDateTime uploadedAt, String uploadedBy) {
    public static DocumentView of(CaseDocument d) {
        return new DocumentView(d.id, d.caseId, d.name, d.mediaType, d.sizeBytes, d.sha256, d.confidential,
                d.uploadedAt, d.uploadedBy);
    }
}
