package org.uputnica.cases.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.uputnica.platform.retention.BatchedErasure;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Erases access-audit rows older than {@link AuditConfig#retention()}, in batches ({@link BatchedErasure}).
 */
@ApplicationScoped
public class AuditErasure {
    private static final Logger LOG = Logger.getLogger(AuditErasure.class);

    private final EntityManager em;
    private final Clock clock;
    private final AuditConfig config;

    public AuditErasure(EntityManager em, Clock clock, AuditConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "access-audit-erasure", every = "${uputnica.audit.erasure-interval:1h}", delayed = "1m")
    void scheduled() {
        int erased = eraseExpired();
        if (erased > 0) {
            LOG.infof("erased %d access-audit rows older than %s", erased, config.retention());
        }
    }

    /** @return how many rows were erased */
    public int eraseExpired() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.retention());
        return BatchedErasure.erase(em, before, """
                delete from personal_data_access
                where id in (select id from personal_data_access where at < :before limit :batch)""");
    }
}
