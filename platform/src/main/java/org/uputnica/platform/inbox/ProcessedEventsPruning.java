package org.uputnica.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Forgets applied event ids once Kafka can no longer redeliver them: the retention must stay longer than the
 * topics' retention (7 days by default), so the default keeps them for 30 days.
 */
@ApplicationScoped
public class ProcessedEventsPruning {
    private static final Logger LOG = Logger.getLogger(ProcessedEventsPruning.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "uputnica.inbox.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "${uputnica.inbox.prune-interval:1h}", delayed = "1m")
    void prune() {
        int removed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from processed_event where processed_at < now() - make_interval(secs => :seconds)")
                .setParameter("seconds", (double) retention.toSeconds())
                .executeUpdate());
        if (removed > 0) {
            LOG.infof("forgot %d applied event ids older than %s", removed, retention);
        }
    }
}
