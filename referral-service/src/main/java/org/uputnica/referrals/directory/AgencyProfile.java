package org.uputnica.referrals.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An agency's public profile in the directory (HSDS organization): the {@code agency} table with the columns V3 added.
 * Read-only here; the agency/ package keeps its own view of the same table.
 */
@Entity
@Immutable
@Table(name = "agency")
public class AgencyProfile extends PanacheEntityBase {
    @Id
    public String alias;

    public String name;

    public String country;

    public String kind;

    public String municipality;

    public String description;

    public String website;

    public String email;

    public String phone;
}
