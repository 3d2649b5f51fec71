package org.uputnica.referrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.uputnica.events.SharedData;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Why the sender refers: shared with the receiver, never put in an event. Null once the case is anonymised. */
    public String reason;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_code")
    public DeclineReason declineCode;

    @Column(name = "decline_note")
    public String declineNote;

    @Enumerated(EnumType.STRING)
    public ReferralKind kind = ReferralKind.REFERRAL;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "forwarded_from")
    public UUID forwardedFrom;

    @Column(name = "forwarded_to")
    public UUID forwardedTo;

    /** The working group whose coordinator follows this referral: both agencies are its members. */
    @Column(name = "working_group")
    public String workingGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_basis")
    public Sharing.Basis sharingBasis;

    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "consent_reference")
    public String consentReference;

    @Column(name = "legal_basis")
    public String legalBasis;

    /** Comma-separated {@link SharedData} codes, sorted by name. */
    @Column(name = "shared_data")
    public String sharedData;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_note")
    public String outcomeNote;

    @Column(name = "hold_reason")
    public String holdReason;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    /** The protocol version that governed the referral when it was sent (recorded by the protocol feature). */
    @Column(name = "protocol_code")
    public String protocolCode;

    @Column(name = "protocol_version")
    public Integer protocolVersion;

    /** The consent this referral shared data under was withdrawn: the receiver no longer sees the shared content. */
    @Column(name = "sharing_revoked_at")
    public OffsetDateTime sharingRevokedAt;

    /** The case was anonymised: the free text kept about it is gone (codes, ids and times stay). */
    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public void share(Sharing sharing) {
        sharingBasis = sharing.basis();
        consentId = sharing.consentId();
        consentReference = sharing.consentReference();
        legalBasis = sharing.legalBasis();
        sharedData = sharing.data().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Sharing sharing() {
        if (sharingBasis == null) {
            return null;
        }
        Set<SharedData> data = EnumSet.noneOf(SharedData.class);
        for (String code : sharedDataCodes()) {
            data.add(SharedData.valueOf(code));
        }
        return new Sharing(sharingBasis, consentId, consentReference, legalBasis, data);
    }

    /** The shared kinds of data as codes, for events (ids and codes only travel). */
    public List<String> sharedDataCodes() {
        return sharedData == null || sharedData.isBlank() ? List.of() : List.of(sharedData.split(","));
    }
}
