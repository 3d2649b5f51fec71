package org.uputnica.referrals.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency that sends and receives referrals; the alias is the Keycloak organisation alias. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {
    @Id
    public String alias;

    public String name;

    public String country;

    public static boolean exists(String alias) {
        return alias != null && findByIdOptional(alias).isPresent();
    }
}
