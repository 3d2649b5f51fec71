package org.uputnica.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.uputnica.platform.retention.BatchedErasure;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Erases Idempotency-Keys, with the answers they keep, once they are older than the retention (at least a day). */
@ApplicationScoped
public class IdempotencyKeysErasure {
    private static final Logger LOG = Logger.getLogger(IdempotencyKeysErasure.class);

    private final EntityManager em;
    private final IdempotencyConfig config;
    private final Clock clock;

    IdempotencyKeysErasure(EntityManager em, IdempotencyConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "idempotency-keys-erasure", every = "${uputnica.idempotency.erase-interval:1h}",
            delayed = "1m")
    void scheduled() {
        erase();
    }

    /** @return how many keys were erased */
    public int erase() {
        int erased = BatchedErasure.erase(em, OffsetDateTime.now(clock).minus(config.keptFor()), """
                delete from idempotency_key where ctid in
                  (select ctid from idempotency_key where created_at < :before limit :batch)""");
        if (erased > 0) {
            LOG.infof("erased %d idempotency keys older than %s", erased, config.keptFor());
        }
        return erased;
    }
}
