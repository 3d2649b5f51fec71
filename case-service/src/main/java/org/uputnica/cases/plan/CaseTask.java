package org.uputnica.cases.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A task of the plan: who does it (an agency and a person there) and by when. */
@Entity
@Table(name = "case_task")
public class CaseTask extends PanacheEntityBase {
    public enum Status { OPEN, DONE, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "case_id")
    public UUID caseId;

    public String title;

    @Column(name = "responsible_agency")
    public String responsibleAgency;

    @Column(name = "responsible_user")
    public String responsibleUser;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
