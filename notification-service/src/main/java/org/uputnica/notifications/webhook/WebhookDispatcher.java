package org.uputnica.notifications.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.uputnica.notifications.delivery.DeliveryStatus;
import org.uputnica.notifications.delivery.Failures;
import org.uputnica.notifications.delivery.RetrySchedule;
import org.uputnica.platform.jobs.Claim;
import org.uputnica.platform.jobs.JobClaims;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries. Each run leases them ({@link JobClaims}) in a short
 * transaction (so instances share the work and a crashed one's claims come due again), checks each endpoint's
 * address ({@link EndpointGuard}), POSTs them outside any transaction with a deadline on the whole attempt, and logs
 * every attempt as its answer comes, without waiting for the others. A failed delivery is retried with exponential back-off for a day, counted from when it was created
 * or last replayed, and then parked (FAILED) in the dead-letter store.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** The error an attempt records when the endpoint's address is refused: the same whatever the address was. */
    static final String REFUSED = "the endpoint's address is not allowed";

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final WebhookConfig config;
    private final EndpointGuard guard;
    private final WebhookSecrets secrets;
    private final JobClaims claims;

    public WebhookDispatcher(EntityManager em, Clock clock, MeterRegistry metrics, WebhookConfig config, EndpointGuard guard,
                             WebhookSecrets secrets, JobClaims claims) {
        this.secrets = secrets;
        this.claims = claims;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
        this.guard = guard;
    }

    private HttpClient http;
    private Semaphore inFlight;
    private ExecutorService workers;

    /** What one attempt needs, read in the claiming transaction. */
    private record Outgoing(UUID id, String url, UUID subscriptionId, String secret, String previousSecret, String payload,
                            WebhookFormat format, long eventNumber) {
    }

    /** What one attempt got: a status code, or the failure that kept any answer from coming. */
    private record Answer(Integer statusCode, String error, long millis, boolean refused) {
        Answer(Integer statusCode, String error, long millis) {
            this(statusCode, error, millis, false);
        }

        /** Nothing was sent: no status, no time, no error text that could tell about the network behind it. */
        static Answer refusedAddress() {
            return new Answer(null, REFUSED, 0, true);
        }

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @PostConstruct
    void init() {
        // redirects are not followed: the signed request goes to the registered URL or nowhere
        http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        inFlight = new Semaphore(config.maxInFlight());
        // address checks (DNS) and recording (the database) block: never on the HTTP client's or the timer's threads
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * Claims what is due and starts every attempt without waiting for any: each is recorded when its answer comes or
     * its deadline passes, so one slow endpoint holds up no other delivery, and the next poll goes on meanwhile.
     * At most {@code max-in-flight} attempts are under way; a claim's lease is longer than an attempt's deadline.
     */
    @Scheduled(identity = "webhook-dispatcher", every = "${uputnica.webhooks.poll-interval:2s}",
            delayed = "${uputnica.webhooks.initial-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int room = Math.min(inFlight.availablePermits(), config.batchSize());
        if (room == 0) {
            return;
        }
        for (Outgoing out : claimDue(room)) {
            inFlight.acquireUninterruptibly(); // only this thread acquires, and it claimed no more than were free
            CompletableFuture.supplyAsync(() -> guard.check(URI.create(out.url())), workers)
                    .thenCompose(verdict -> attempt(out, verdict))
                    .exceptionally(failure -> new Answer(null, Failures.describe(failure), 0))
                    .thenAcceptAsync(answer -> record(out.id(), answer), workers)
                    .whenComplete((done, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            // its lease runs out and it is sent again: at least once, and receivers dedupe on webhook-id
                            LOG.errorf(failure, "cannot record the attempt of webhook delivery %s", out.id());
                        }
                    });
        }
    }

    /** Due deliveries; the lease moves {@code next_attempt_at} ahead, so a leased row is not due until it ends. */
    static final Claim DUE = Claim.on("webhook_delivery")
            .due("status = 'PENDING' and next_attempt_at <= :now")
            .orderedBy("next_attempt_at")
            .leasing("next_attempt_at");

    private List<Outgoing> claimDue(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = claims.lease(DUE, limit, now.plus(config.lease()), Map.of("now", now));
            if (ids.isEmpty()) {
                return List.of();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select d.id, s.url, s.id as subscription_id, s.secret, s.previous_secret, d.payload,
                                   s.format, coalesce(d.event_number, 0)
                            from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                            where d.id in (:ids)""")
                    .setParameter("ids", ids)
                    .getResultList();
            return rows.stream()
                    .map(r -> new Outgoing((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5],
                            WebhookFormat.of((String) r[6]).orElse(WebhookFormat.CLOUDEVENTS), ((Number) r[7]).longValue()))
                    .toList();
        });
    }

    private CompletableFuture<Answer> attempt(Outgoing out, EndpointGuard.Verdict verdict) {
        if (verdict == EndpointGuard.Verdict.REFUSED) {
            return CompletableFuture.completedFuture(Answer.refusedAddress());
        }
        if (verdict == EndpointGuard.Verdict.UNRESOLVED) {
            return CompletableFuture.completedFuture(new Answer(null, "the endpoint's host name did not resolve", 0));
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = out.id().toString();
        boolean fhir = out.format() == WebhookFormat.FHIR;
        String body = fhir
                ? FhirNotification.of(out.id(), out.subscriptionId(), out.eventNumber(), out.payload(), config.fhirBase(),
                        OffsetDateTime.now(clock))
                : out.payload();
        HttpRequest request = HttpRequest.newBuilder(URI.create(out.url()))
                .timeout(config.requestTimeout()) // until the headers
                .header("Content-Type", fhir ? FhirNotification.CONTENT_TYPE : "application/json")
                .header("User-Agent", "Uputnica-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.signAll(
                        secrets.signing(out.subscriptionId(), out.secret(), out.previousSecret()), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        Duration deadline = config.attemptDeadline();
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        return call.handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    return failure == null
                            ? new Answer(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), millis)
                            : new Answer(null, Failures.describe(failure), millis);
                })
                // the whole attempt, the answer's body included; then the exchange is dropped
                .completeOnTimeout(new Answer(null, "no complete answer within " + deadline.toSeconds() + " s", deadline.toMillis()),
                        deadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> call.cancel(true));
    }

    private void record(UUID id, Answer answer) {
        RetrySchedule schedule = new RetrySchedule(config.retry().firstDelay(), config.retry().maxDelay(), config.retry().giveUpAfter());
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
            if (answer.refused()) {
                // parked at once: retrying would only knock on the same door; a replay checks the address again
                d.status = DeliveryStatus.FAILED;
                d.nextAttemptAt = null;
                d.parkedAt = now;
                return d.status;
            }
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
