package org.uputnica.cases.plan;

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

/** A goal of the case plan, with the tasks that serve it. */
@Entity
@Table(name = "case_goal")
public class CaseGoal extends PanacheEntityBase {
    public enum Status { OPEN, ACHIEVED, DROPPED }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String title;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;
}
