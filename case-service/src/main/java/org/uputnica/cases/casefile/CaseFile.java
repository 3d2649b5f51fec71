package org.uputnica.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.uputnica.cases.person.Person;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A case: one agency's work with one person. The owner agency alone may refer or change it. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {
    @Id
    public UUID id;

    public String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    /** The main category: the first of {@link #categories}, as announced in case.created. */
    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseCategory> categories = new ArrayList<>();

    @Column(name = "owner_agency")
    public String ownerAgency;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The username of the caseworker responsible for the case. */
    @Column(name = "responsible_user")
    public String responsibleUser;

    @Column(name = "supervisor_user")
    public String supervisorUser;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "risk_reason")
    public String riskReason;

    @Column(name = "risk_assessed_at")
    public OffsetDateTime riskAssessedAt;

    @Column(name = "risk_assessed_by")
    public String riskAssessedBy;

    @Enumerated(EnumType.STRING)
    public CaseStep step = CaseStep.INTAKE;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    public ClosureReason closureReason;

    @Column(name = "closure_note")
    public String closureNote;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @Version
    public long version;
}
