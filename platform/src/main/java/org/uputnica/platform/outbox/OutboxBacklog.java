package org.uputnica.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The outbox's backlog as metrics: rows waiting and the age of the oldest. A growing backlog means Kafka is not
 * taking events (docs/runbook.md); it is read at scrape time, one indexed query.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    EntityManager em;

    void register(@Observes StartupEvent event, MeterRegistry metrics) {
        Gauge.builder("uputnica.outbox.pending", this, OutboxBacklog::pending)
                .description("events committed but not yet sent to Kafka").register(metrics);
        Gauge.builder("uputnica.outbox.oldest.age.seconds", this, OutboxBacklog::oldestAgeSeconds)
                .description("age of the oldest event waiting in the outbox").register(metrics);
    }

    double pending() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outbox_message").getSingleResult()).doubleValue());
    }

    double oldestAgeSeconds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object age = em.createNativeQuery(
                    "select extract(epoch from now() - min(created_at)) from outbox_message").getSingleResult();
            return age == null ? 0.0 : ((Number) age).doubleValue();
        });
    }
}
