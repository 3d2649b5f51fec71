package org.uputnica.referrals.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One update of a service's capacity: the figures, when, and who (user id, login name, agency). */
@Entity
@Table(name = "directory_capacity_update")
public class CapacityUpdate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "service_id")
    public UUID serviceId;

    public OffsetDateTime at;

    public int capacity;

    public int vacancies;

    public int waitlist;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_agency")
    public String actorAgency;
}
