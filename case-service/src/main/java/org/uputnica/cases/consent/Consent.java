package org.uputnica.cases.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A consent to share a case's data, kept after it is withdrawn (with when and by whom). */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_by")
    public ConsentInput.GivenBy givenBy;

    @Column(name = "giver_name")
    public String giverName;

    public String purpose;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "to_agency_kind")
    public String toAgencyKind;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> data = new ArrayList<>();

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    public ConsentInput.Method method;

    public String witness;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_note")
    public String withdrawalNote;

    @Version
    public long version;

    /** Whether it allows sharing on this day (withdrawn consents allow nothing). */
    public boolean validOn(LocalDate day) {
        return withdrawnAt == null && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
