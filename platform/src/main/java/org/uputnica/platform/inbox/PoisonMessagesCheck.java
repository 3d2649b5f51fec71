package org.uputnica.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Poison messages parked on a dead-letter topic since start, per consumer, at /q/health/well. DOWN there asks an
 * operator to look (docs/runbook.md) without taking the service out of readiness: it goes on with the next message.
 */
@Wellness
@ApplicationScoped
public class PoisonMessagesCheck implements HealthCheck {

    @Inject
    EventInbox inbox;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Poison messages parked on dead-letter topics");
        long total = 0;
        for (var entry : inbox.poisonCounts().entrySet()) {
            response.withData(entry.getKey(), entry.getValue());
            total += entry.getValue();
        }
        return response.status(total == 0).build();
    }
}
