package org.uputnica.notifications.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.uputnica.notifications.delivery.DeliveryStatus;
import org.uputnica.notifications.delivery.Failures;
import org.uputnica.notifications.delivery.RetrySchedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due webhook deliveries. Each run claims them with {@code FOR UPDATE SKIP LOCKED} and a lease in a short
 * transaction (so instances share the work and a crashed one's claims come due again), POSTs them all at once
 * outside any transaction (so one slow endpoint does not hold up the others beyond the request timeout), and logs
 * every attempt. A failed delivery is retried with exponential back-off for a day, counted from when it was created
 * or last replayed, and then parked (FAILED) in the dead-letter store.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "uputnica.webhooks.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "uputnica.webhooks.lease", defaultValue = "PT5M")
    Duration lease;

    @ConfigProperty(name = "uputnica.webhooks.retry.first-delay", defaultValue = "PT30S")
    Duration firstDelay;

    @ConfigProperty(name = "uputnica.webhooks.retry.max-delay", defaultValue = "PT4H")
    Duration maxDelay;

    @ConfigProperty(name = "uputnica.webhooks.retry.give-up-after", defaultValue = "PT24H")
    Duration giveUpAfter;

    @ConfigProperty(name = "uputnica.webhooks.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @ConfigProperty(name = "uputnica.webhooks.request-timeout", defaultValue = "PT10S")
    Duration requestTimeout;

    private HttpClient http;

    /** What one attempt needs, read in the claiming transaction. */
    private record Outgoing(UUID id, String url, String secret, String payload) {
    }

    /** What one attempt got: a status code, or the failure that kept any answer from coming. */
    private record Answer(Integer statusCode, String error, long millis) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @PostConstruct
    void init() {
        // redirects are not followed: the signed request goes to the registered URL or nowhere
        http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${uputnica.webhooks.poll-interval:2s}",
            delayed = "${uputnica.webhooks.initial-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Outgoing> due = claimDue();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (Outgoing out : due) {
            answers.add(post(out));
        }
        // recorded here, on the scheduler's thread, one transaction each: a failure to record one leaves the others
        for (int i = 0; i < due.size(); i++) {
            try {
                record(due.get(i).id(), answers.get(i).join());
            } catch (RuntimeException e) {
                // its lease runs out and it is sent again: at least once, and receivers dedupe on webhook-id
                LOG.errorf(e, "cannot record the attempt of webhook delivery %s", due.get(i).id());
            }
        }
    }

    private List<Outgoing> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select d.id, s.url, s.secret, d.payload
                            from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                            where d.status = 'PENDING' and d.next_attempt_at <= :now
                            order by d.next_attempt_at limit :limit
                            for update of d skip locked""")
                    .setParameter("now", now)
                    .setParameter("limit", batchSize)
                    .getResultList();
            List<Outgoing> due = rows.stream()
                    .map(r -> new Outgoing((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
            if (!due.isEmpty()) {
                em.createNativeQuery("update webhook_delivery set next_attempt_at = :leaseEnd where id in (:ids)")
                        .setParameter("leaseEnd", now.plus(lease))
                        .setParameter("ids", due.stream().map(Outgoing::id).toList())
                        .executeUpdate();
            }
            return due;
        });
    }

    private CompletableFuture<Answer> post(Outgoing out) {
        long timestamp = clock.instant().getEpochSecond();
        String id = out.id().toString();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(out.url()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Uputnica-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(out.secret(), id, timestamp, out.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(out.payload()))
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Answer(null, Failures.describe(e), 0));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    return failure == null
                            ? new Answer(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), millis)
                            : new Answer(null, Failures.describe(failure), millis);
                });
    }

    private void record(UUID id, Answer answer) {
        RetrySchedule schedule = new RetrySchedule(firstDelay, maxDelay, giveUpAfter);
        DeliveryStatus outcome = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            OffsetDateTime now = OffsetDateTime.now(clock);
            d.attempts++;
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.id = UUID.randomUUID();
            attempt.deliveryId = id;
            attempt.attempt = d.attempts;
            attempt.at = now;
            attempt.statusCode = answer.statusCode();
            attempt.error = answer.error();
            attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, answer.millis());
            attempt.persist();
            d.lastStatusCode = answer.statusCode();
            d.lastError = answer.error();
            if (answer.delivered()) {
                d.status = DeliveryStatus.SENT;
                d.sentAt = now;
                d.nextAttemptAt = null;
                return d.status;
            }
            d.windowAttempts++;
            Optional<OffsetDateTime> next = schedule.nextAttempt(d.windowAttempts, d.retryFrom, now);
            d.status = next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            d.nextAttemptAt = next.orElse(null);
            d.parkedAt = next.isPresent() ? null : now;
            return d.status;
        });
        if (outcome == DeliveryStatus.FAILED) {
            LOG.warnf("webhook delivery %s parked after %s", id, answer.error());
        }
        metrics.counter("uputnica.notifications.delivered", "channel", "webhook", "outcome",
                switch (outcome) {
                    case SENT -> "sent";
                    case PENDING -> "retry";
                    case FAILED -> "parked";
                }).increment();
    }
}
