package org.uputnica.referrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records what platform administrators change (table admin_audit): who, when, what. Written in the transaction of the
 * change, so a change without its record cannot commit.
 */
@ApplicationScoped
public class AdminAudit {

    public enum Action { AGENCY_CREATED, WORKING_GROUP_MEMBER_ADDED, WORKING_GROUP_MEMBER_REMOVED }

    private final EntityManager em;
    private final Clock clock;

    AdminAudit(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * @param subject the agency's alias or the working group's code
     * @param member  for a membership change: the member agency; else null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, Action action, String subject, String member) {
        em.createNativeQuery("""
                        insert into admin_audit (at, user_id, username, agency, action, subject, member)
                        values (:at, :userId, :username, :agency, :action, :subject, :member)""")
                .setParameter("at", OffsetDateTime.now(clock))
                .setParameter("userId", caller.userId())
                .setParameter("username", caller.username())
                .setParameter("agency", caller.agency())
                .setParameter("action", action.name())
                .setParameter("subject", subject)
                .setParameter("member", member)
                .executeUpdate();
    }
}
