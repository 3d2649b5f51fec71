package org.uputnica.cases.note;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public OffsetDateTime at;

    @Column(name = "author_user")
    public String authorUser;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_agency")
    public String authorAgency;

    public String text;

    public boolean confidential;
}
