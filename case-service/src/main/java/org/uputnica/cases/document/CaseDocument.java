package org.uputnica.cases.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document of a case: its metadata, and its content when the database is the store. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String name;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** DATABASE or FILESYSTEM: where the content was put when it was uploaded. */
    public String store;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public boolean confidential;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by")
    public String uploadedBy;
}
