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

/** One request sent to several candidate agencies at once for an urgent need: the first to accept wins. */
@Entity
@Table(name = "referral_group")
public class ReferralGroup extends PanacheEntityBase {
    /** OPEN while a candidate may still accept; FILLED when one did; EXHAUSTED when none is left. */
    public enum Status { OPEN, FILLED, EXHAUSTED }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "from_agency")
    public String fromAgency;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "accepted_referral_id")
    public UUID acceptedReferralId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
