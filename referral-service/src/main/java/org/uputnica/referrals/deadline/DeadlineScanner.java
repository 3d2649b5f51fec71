package org.uputnica.referrals.deadline;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.uputnica.platform.jobs.Claim;
import org.uputnica.platform.jobs.JobClaims;
import org.uputnica.referrals.referral.ReferralWorkflow;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Fires deadlines that passed: a PENDING deadline past its due time goes OVERDUE and the referral is marked overdue
 * (history and a {@code referral.overdue} event naming the deadline); an OVERDUE one past its escalation time goes
 * ESCALATED and the referral escalates to the working group's coordinator where its status allows (a referral that
 * was accepted but not started stays ACCEPTED: its deadline escalates, it shows on the coordinator's overdue list).
 * <p>
 * Deadlines are rows, so they survive restarts, and every instance of the service may scan: each batch is claimed
 * with {@code FOR UPDATE SKIP LOCKED} in the transaction that fires it, so each deadline fires once, whichever
 * instance gets it ({@link JobClaims#lock}). A batch that fails is rolled back whole and its deadlines are taken again one per transaction,
 * so one bad row cannot hold the others back; a row that fails alone waits for the next scan.
 */
@ApplicationScoped
public class DeadlineScanner {
    private static final Logger LOG = Logger.getLogger(DeadlineScanner.class);

    /** What one scan fired. */
    public record ScanResult(int overdue, int escalated) {
    }

    private enum Phase {
        OVERDUE(Claim.on("referral_deadline").due("state = 'PENDING' and due_at <= :now").orderedBy("due_at, id")),
        ESCALATE(Claim.on("referral_deadline").due("state = 'OVERDUE' and escalate_at <= :now").orderedBy("escalate_at, id"));

        /** Locked in the transaction that fires them ({@link JobClaims#lock}): no lease, a crash releases them. */
        final Claim claim;

        Phase(Claim claim) {
            this.claim = claim;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    JobClaims claims;

    @ConfigProperty(name = "uputnica.deadlines.batch-size", defaultValue = "100")
    int batchSize;

    // "off" disables scanning on an instance; the tests do that and call scan() with their own clock.
    @Scheduled(identity = "deadline-scan", every = "${uputnica.deadlines.scan-interval:5s}",
            delayed = "${uputnica.deadlines.scan-initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scan();
    }

    /**
     * Fires every deadline due at the clock's current time and returns what it fired. Safe to call from several
     * threads or instances at once.
     */
    public ScanResult scan() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Overdue first: a deadline that passed both times while nobody scanned is told overdue, then escalated.
        int overdue = drain(Phase.OVERDUE, now);
        int escalated = drain(Phase.ESCALATE, now);
        if (overdue + escalated > 0) {
            LOG.infof("deadlines fired: %d overdue, %d escalated", overdue, escalated);
        }
        return new ScanResult(overdue, escalated);
    }

    private int drain(Phase phase, OffsetDateTime now) {
        Set<UUID> failed = new HashSet<>();
        int limit = batchSize;
        int fired = 0;
        while (true) {
            List<UUID> claimed = new ArrayList<>();
            int count;
            try {
                int batch = limit;
                count = QuarkusTransaction.requiringNew().call(() -> fireBatch(phase, now, batch, failed, claimed));
            } catch (RuntimeException e) {
                if (claimed.isEmpty()) {
                    LOG.warnf("deadline scan stopped, retrying at the next scan: %s", e.toString());
                    return fired;
                }
                if (claimed.size() == 1) {
                    failed.addAll(claimed);
                    LOG.warnf(e, "deadline %s could not fire (%s); retrying at the next scan", claimed.get(0), phase);
                } else {
                    limit = 1; // find the deadline that spoiled the batch
                }
                continue;
            }
            fired += count;
            metrics.counter("uputnica.deadlines.fired", "phase", phase.name().toLowerCase()).increment(count);
            if (count < limit) {
                return fired;
            }
        }
    }

    private int fireBatch(Phase phase, OffsetDateTime now, int limit, Set<UUID> failed, List<UUID> claimed) {
        Claim claim = failed.isEmpty() ? phase.claim : phase.claim.and("id not in (:failed)");
        Map<String, Object> params = failed.isEmpty() ? Map.of("now", now) : Map.of("now", now, "failed", failed);
        List<UUID> ids = claims.lock(claim, limit, params);
        List<ReferralDeadline> due = ids.isEmpty() ? List.of() : em.createQuery(
                        "from ReferralDeadline d where d.id in :ids", ReferralDeadline.class)
                .setParameter("ids", ids)
                .getResultList().stream()
                .sorted(java.util.Comparator.comparingInt(d -> ids.indexOf(d.id)))
                .toList();
        due.forEach(d -> claimed.add(d.id));
        for (ReferralDeadline d : due) {
            if (phase == Phase.OVERDUE) {
                d.state = DeadlineState.OVERDUE;
                d.overdueAt = now;
                workflow.markOverdue(d.referralId, d.kind.name());
            } else {
                d.state = DeadlineState.ESCALATED;
                d.escalatedAt = now;
                if (!workflow.escalateOverdue(d.referralId, d.kind.name())) {
                    LOG.debugf("deadline %s of referral %s escalated; the referral's status does not escalate",
                            d.kind, d.referralId);
                }
            }
        }
        return due.size();
    }
}
