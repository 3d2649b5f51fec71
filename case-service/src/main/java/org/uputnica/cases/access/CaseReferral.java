package org.uputnica.cases.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.uputnica.cases.consent.Consent;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A referral of one of our cases, as the referral events tell it: the ground of another agency's access. */
@Entity
@Table(name = "case_referral")
public class CaseReferral extends PanacheEntityBase {
    /** Statuses in which the receiving agency works on the referral and so sees what was shared. */
    static final Set<String> WORKING = Set.of("ACCEPTED", "IN_PROGRESS", "ON_HOLD");
    /** Statuses after which the receiver's access ends, unless the owner extends it. */
    static final Set<String> CLOSED = Set.of("COMPLETED", "DECLINED", "WITHDRAWN", "FORWARDED");

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    public String kind;

    public String status;

    @Column(name = "working_group")
    public String workingGroup;

    @Column(name = "sharing_basis")
    public String sharingBasis;

    @Column(name = "consent_id")
    public UUID consentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "shared_data")
    public List<String> sharedData = new ArrayList<>();

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "extended_until")
    public LocalDate extendedUntil;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    /** The agency of whoever sent it (its SENT event's actor): another than {@link #fromAgency} after a forward. */
    @Column(name = "sent_by_agency")
    public String sentByAgency;

    /** Whether the receiving agency sees the shared data today, under the consent as this service knows it now. */
    public boolean grantsAccess(LocalDate today) {
        return grantsAccess(today, consentId == null ? null : Consent.findById(consentId));
    }

    /**
     * The rule: accepted, not revoked, not a transfer, working on it (or within the owner's extension), and when
     * shared under consent, that consent record of this case still valid today and not withdrawn. The consent is
     * read here, not only revoked on withdrawal: a referral event that arrives after the withdrawal (the
     * referral-service lagging behind) creates a row the withdrawal never saw.
     */
    public boolean grantsAccess(LocalDate today, Consent consent) {
        if (acceptedAt == null || revokedAt != null || "TRANSFER".equals(kind)) {
            return false;
        }
        if ("CONSENT".equals(sharingBasis)
                && (consent == null || !consent.caseId.equals(caseId) || !consent.validOn(today))) {
            return false;
        }
        if (WORKING.contains(status)) {
            return true;
        }
        return CLOSED.contains(status) && extendedUntil != null && !today.isAfter(extendedUntil);
    }

    public static List<CaseReferral> ofCase(UUID caseId) {
        return list("caseId = ?1 order by eventTime", caseId);
    }
}
