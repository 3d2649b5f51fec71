package org.uputnica.cases.linking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Two agencies' cases confirmed to be about the same person. The records stay apart: the link gives neither
 * agency access to the other's case, it only tells each that the other has one. A wrong link is dissolved, not
 * deleted: the row keeps who linked and who dissolved, when and why.
 */
@Entity
@Table(name = "record_link")
public class RecordLink extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "match_id")
    public UUID matchId;

    @Column(name = "case_a")
    public UUID caseA;

    @Column(name = "case_b")
    public UUID caseB;

    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;

    /** The confirming user's subject id. */
    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "linked_by_username")
    public String linkedByUsername;

    @Column(name = "linked_by_agency")
    public String linkedByAgency;

    /** The confirming caseworker's note: shown to their own agency only. */
    public String note;

    @Column(name = "dissolved_at")
    public OffsetDateTime dissolvedAt;

    /** The dissolving user's subject id. */
    @Column(name = "dissolved_by")
    public String dissolvedBy;

    @Column(name = "dissolved_by_username")
    public String dissolvedByUsername;

    @Column(name = "dissolved_by_agency")
    public String dissolvedByAgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "dissolution_reason")
    public DissolutionReason dissolutionReason;

    /** The dissolving caseworker's note: shown to their own agency only. */
    @Column(name = "dissolution_note")
    public String dissolutionNote;

    public boolean involves(UUID caseId) {
        return caseA.equals(caseId) || caseB.equals(caseId);
    }

    public UUID other(UUID caseId) {
        return caseA.equals(caseId) ? caseB : caseA;
    }

    public LinkStatus status() {
        return dissolvedAt == null ? LinkStatus.ACTIVE : LinkStatus.DISSOLVED;
    }
}
