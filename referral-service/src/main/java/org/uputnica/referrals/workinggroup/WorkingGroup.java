package org.uputnica.referrals.workinggroup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A local multi-agency working group (radna grupa) of a municipality: its member agencies and, in Keycloak,
 * its coordinators. A referral between two members is followed by the group's coordinator.
 */
@Entity
@Table(name = "working_group")
public class WorkingGroup extends PanacheEntityBase {
    @Id
    public String code;

    public String name;

    public String municipality;

    public String country;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "working_group_member", joinColumns = @JoinColumn(name = "group_code"))
    @Column(name = "agency")
    public Set<String> members = new TreeSet<>();

    /** The working group both agencies belong to (the first by code when several do). */
    public static Optional<String> covering(String agencyA, String agencyB) {
        // one query on every send: loading every group with its members cost a tenth of sending a referral
        return getEntityManager().createQuery("select g.code from WorkingGroup g join g.members a join g.members b "
                        + "where a = :a and b = :b order by g.code", String.class)
                .setParameter("a", agencyA).setParameter("b", agencyB).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
