package org.uputnica.cases.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records every read and change of personal data in the transaction that does it: if the audit row cannot be
 * written, the data is not served either. Each row says on what basis the caller reached the case (as owner, or
 * through which referral) so that "who saw this child's data, and why" can be answered.
 */
@ApplicationScoped
public class AccessAudit {

    public enum Action { CREATE, READ, UPDATE, EXPORT, ERASE }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, CaseAccess access, Action action, String purpose) {
        record(caller, access.caseFile().id, action, purpose, access.basis(), access.basisId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, UUID caseId, Action action, String purpose) {
        record(caller, caseId, action, purpose, "OWNER", null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, UUID caseId, Action action, String purpose, String basis, UUID basisId) {
        em.createNativeQuery("""
                        insert into personal_data_access (at, user_id, username, agency, roles, case_id, action, purpose,
                                                          basis, basis_id)
                        values (:at, :userId, :username, :agency, :roles, :caseId, :action, :purpose, :basis, :basisId)""")
                .setParameter("at", OffsetDateTime.now(clock))
                .setParameter("userId", caller.userId())
                .setParameter("username", caller.username())
                .setParameter("agency", caller.agency())
                .setParameter("roles", String.join(",", new TreeSet<>(caller.roles())))
                .setParameter("caseId", caseId)
                .setParameter("action", action.name())
                .setParameter("purpose", purpose)
                .setParameter("basis", basis)
                .setParameter("basisId", basisId)
                .executeUpdate();
    }
}
