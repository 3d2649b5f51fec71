package org.uputnica.referrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records every read of referrals: a referral's reason and sharing details may be personal data. Written before the
 * data is served; if the record cannot be written, the read fails.
 */
@ApplicationScoped
public class ReferralAccess {

    public enum Action { READ, HISTORY, LIST }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public void record(Caller caller, Action action, Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into referral_access (at, user_id, username, agency, roles, action, referral_ids)
                        values (:at, :userId, :username, :agency, :roles, :action, :ids)""")
                .setParameter("at", OffsetDateTime.now(clock))
                .setParameter("userId", caller.userId())
                .setParameter("username", caller.username())
                .setParameter("agency", caller.agency())
                .setParameter("roles", String.join(",", new TreeSet<>(caller.roles())))
                .setParameter("action", action.name())
                .setParameter("ids", referralIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .executeUpdate();
    }
}
