package org.uputnica.referrals.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.uputnica.events.Actor;
import org.uputnica.events.AgencyCreated;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.audit.AdminAudit;

/**
 * Adds an agency: its Keycloak organisation first (no transaction is open during that call), then, in one
 * transaction, its row (the directory's HSDS organization), the audit record and the {@code agency.created} event.
 */
@ApplicationScoped
public class Agencies {
    public static final String AGENCY_EXISTS = ProblemType.of("agency-exists");

    private final KeycloakOrganisations organisations;
    private final Rows rows;

    Agencies(KeycloakOrganisations organisations, Rows rows) {
        this.organisations = organisations;
        this.rows = rows;
    }

    public void create(Caller caller, NewAgency input) {
        if (Agency.exists(input.alias())) {
            throw exists(input.alias());
        }
        organisations.ensure(input);
        try {
            rows.insert(caller, input);
        } catch (PersistenceException e) {
            if (Agency.exists(input.alias())) { // a concurrent request inserted it first
                throw exists(input.alias());
            }
            throw e;
        }
    }

    private static ProblemException exists(String alias) {
        return ProblemException.conflict(AGENCY_EXISTS, "agency " + alias + " exists");
    }

    /** The transactional part, in a bean of its own so that the interceptor applies. */
    @ApplicationScoped
    static class Rows {
        private final EntityManager em;
        private final AdminAudit audit;
        private final Outbox outbox;

        Rows(EntityManager em, AdminAudit audit, Outbox outbox) {
            this.em = em;
            this.audit = audit;
            this.outbox = outbox;
        }

        @Transactional
        void insert(Caller caller, NewAgency a) {
            em.createNativeQuery("""
                            insert into agency (alias, name, country, kind, municipality, description, website, email, phone)
                            values (:alias, :name, :country, :kind, :municipality, :description, :website, :email, :phone)""")
                    .setParameter("alias", a.alias())
                    .setParameter("name", a.name().strip())
                    .setParameter("country", a.country())
                    .setParameter("kind", a.kind())
                    .setParameter("municipality", a.municipality())
                    .setParameter("description", a.description())
                    .setParameter("website", a.website())
                    .setParameter("email", a.email())
                    .setParameter("phone", a.phone())
                    .executeUpdate();
            audit.record(caller, AdminAudit.Action.AGENCY_CREATED, a.alias(), null);
            outbox.publish(EventType.AGENCY_CREATED, a.alias(),
                    new AgencyCreated(a.alias(), a.country(), a.kind(), new Actor(caller.agency(), caller.userId())));
        }
    }
}
