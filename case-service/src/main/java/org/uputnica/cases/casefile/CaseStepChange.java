package org.uputnica.cases.casefile;

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

@Entity
@Table(name = "case_step_change")
public class CaseStepChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_step")
    public CaseStep fromStep;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_step")
    public CaseStep toStep;

    @Column(name = "by_user")
    public String byUser;

    public String note;
}
