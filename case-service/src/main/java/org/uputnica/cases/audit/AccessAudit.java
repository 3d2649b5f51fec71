package org.uputnica.cases.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records every read and change of personal data in the transaction that does it: if the audit row cannot be
 * written, the data is not served either.
 */
@ApplicationScoped
public class AccessAudit {

    public enum Action { CREATE, READ, UPDATE }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, UUID caseId, Action action, String purpose) {
        em.createNativeQuery("""
                        insert into personal_data_access (at, user_id, username, agency, roles, case_id, action, purpose)
                        values (:at, :userId, :username, :agency, :roles, :caseId, :action, :purpose)""")
                .setParameter("at", OffsetDateTime.now(clock))
                .setParameter("userId", caller.userId())
                .setParameter("username", caller.username())
                .setParameter("agency", caller.agency())
                .setParameter("roles", String.join(",", new TreeSet<>(caller.roles())))
                .setParameter("caseId", caseId)
                .setParameter("action", action.name())
                .setParameter("purpose", purpose)
                .executeUpdate();
    }
}
