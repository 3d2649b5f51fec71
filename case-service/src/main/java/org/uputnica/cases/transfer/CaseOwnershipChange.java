package org.uputnica.cases.transfer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One move of a case from one agency to another, by an accepted transfer referral. */
@Entity
@Table(name = "case_ownership_change")
public class CaseOwnershipChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public OffsetDateTime at;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "accepted_by")
    public String acceptedBy;
}
