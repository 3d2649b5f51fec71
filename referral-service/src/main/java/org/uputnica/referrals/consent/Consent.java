package org.uputnica.referrals.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What one consent allows, as the case-service announced it: which case, to whom, which kinds of data, from when
 * until when, and whether it was withdrawn. Written only by {@link Consents}.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "to_agency_kind")
    public String toAgencyKind;

    /** Comma-separated {@link org.uputnica.events.SharedData} codes, in the order the case-service gave them. */
    public String data;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public ConsentTerms terms() {
        List<String> codes = data == null || data.isBlank() ? List.of() : Arrays.asList(data.split(","));
        return new ConsentTerms(consentId, caseId, toAgency, toAgencyKind, ConsentTerms.kindsOf(codes), validFrom,
                validUntil, withdrawnAt);
    }
}
