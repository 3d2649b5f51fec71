package org.uputnica.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way a job loop (outbox relay, e-mail, webhooks, deadlines) takes its share of due rows, so that several
 * instances of a service work side by side, each on different rows, and a crashed instance's rows come due again.
 * <ul>
 * <li>{@link #lock}: for work done in the claiming transaction (deadlines). The rows stay locked
 *     ({@code FOR UPDATE SKIP LOCKED}) until it ends; other instances skip them, and a crash releases them.</li>
 * <li>{@link #lease}: for work done after the claim commits, outside any transaction (Kafka, SMTP, HTTP). The rows'
 *     lease column moves ahead; other instances skip them until it ends. The loop keeps its lease shorter than the
 *     work's own deadline times two, and clears or moves the column when it is done. If it dies, the lease ends and
 *     another instance takes the rows: at least once, so the receivers dedupe.</li>
 * </ul>
 */
@ApplicationScoped
public class JobClaims {

    private final EntityManager em;

    public JobClaims(EntityManager em) {
        this.em = em;
    }

    /** Locks up to {@code limit} due rows in the caller's transaction and returns their ids, in the claim's order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> lock(Claim claim, int limit, Map<String, ?> params) {
        if (claim.oneAtATime()) {
            em.createNativeQuery(claim.turnSql())
                    .setParameter("table", claim.table()).getSingleResult();
        }
        Query query = em.createNativeQuery(claim.lockSql(), UUID.class)
                .setParameter("limit", limit);
        for (Map.Entry<String, ?> param : params.entrySet()) {
            query.setParameter(param.getKey(), param.getValue());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return ids;
    }

    /**
     * Leases up to {@code limit} due rows until {@code until} (the application's clock, for loops whose due times
     * follow it) and returns their ids in the claim's order. Joins the caller's transaction or opens its own; the
     * lease holds once that commits.
     */
    @Transactional
    public List<UUID> lease(Claim claim, int limit, OffsetDateTime until, Map<String, ?> params) {
        List<UUID> ids = lock(claim, limit, params);
        if (!ids.isEmpty()) {
            em.createNativeQuery(claim.leaseUntilSql())
                    .setParameter("until", until)
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return ids;
    }

    /** As {@link #lease(Claim, int, OffsetDateTime, Map)}, for {@code lease} from now by the database's clock. */
    @Transactional
    public List<UUID> lease(Claim claim, int limit, Duration lease, Map<String, ?> params) {
        List<UUID> ids = lock(claim, limit, params);
        if (!ids.isEmpty()) {
            em.createNativeQuery(claim.leaseForSql())
                    .setParameter("seconds", lease.toMillis() / 1000.0)
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return ids;
    }

    /** Ends the lease on rows whose work failed, so that they come due at once (the next claim takes them first). */
    @Transactional
    public void release(Claim claim, List<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery(claim.releaseSql())
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }
}
