package org.uputnica.referrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A referral of one case from one agency to another. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    @Enumerated(EnumType.STRING)
    public ServiceType service;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    /** Why the sender refers: shared with the receiver, never put in an event. */
    public String reason;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_code")
    public DeclineReason declineCode;

    @Column(name = "decline_note")
    public String declineNote;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
