package org.uputnica.referrals.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.uputnica.platform.retention.BatchedErasure;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Erases audit rows older than their retention period ({@link AuditConfig}), in batches. */
@ApplicationScoped
public class AuditErasure {
    private static final Logger LOG = Logger.getLogger(AuditErasure.class);

    private final EntityManager em;
    private final Clock clock;
    private final AuditConfig config;

    AuditErasure(EntityManager em, Clock clock, AuditConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** What one run erased. */
    public record Erased(int referralAccess, int adminAudit) {
    }

    @Scheduled(identity = "referral-audit-erasure", every = "${uputnica.audit.erasure-interval:1h}", delayed = "1m")
    void scheduled() {
        Erased erased = eraseExpired();
        if (erased.referralAccess() + erased.adminAudit() > 0) {
            LOG.infof("erased audit rows after their retention period: %s", erased);
        }
    }

    public Erased eraseExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int reads = BatchedErasure.erase(em, now.minus(config.retention()), """
                delete from referral_access where id in (select id from referral_access where at < :before limit :batch)""");
        int admin = BatchedErasure.erase(em, now.minus(config.adminRetention()), """
                delete from admin_audit where id in (select id from admin_audit where at < :before limit :batch)""");
        return new Erased(reads, admin);
    }
}
