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
import org.uputnica.cases.person.Person;

import java.time.OffsetDateTime;
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

    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    @Column(name = "owner_agency")
    public String ownerAgency;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
