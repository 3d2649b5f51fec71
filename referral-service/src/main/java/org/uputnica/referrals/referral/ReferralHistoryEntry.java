package org.uputnica.referrals.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a referral: who (user and agency), when, from which status to which, and why. */
@Entity
@Table(name = "referral_history")
public class ReferralHistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReferralStatus toStatus;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "reason_code")
    public String reasonCode;

    public String note;
}
