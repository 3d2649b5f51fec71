package org.uputnica.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.uputnica.events.EventEnvelope;
import org.uputnica.platform.jobs.Claim;
import org.uputnica.platform.jobs.JobClaims;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends outbox rows to Kafka and deletes them once the broker acknowledged them. It runs right after each
 * commit that wrote a row, and on a timer as a safety net (after a crash or a broker outage).
 * <p>
 * Rows are claimed in batches with a lease ({@link JobClaims}), so several instances of a
 * service can relay side by side, and no database transaction waits on Kafka. A crash between the broker's ack and
 * the delete sends a row twice: consumers are idempotent by event id, which makes the delivery exactly once in effect.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * Due: not leased, and no earlier event of the same aggregate (Kafka key) is leased by another claim. With claims
     * taking turns, an aggregate's events are sent by one instance at a time, in order, even with several relays.
     */
    public static final Claim CLAIM = Claim.on("outbox_message")
            .due("""
                    (claimed_until is null or claimed_until < now())
                    and not exists (select 1 from outbox_message earlier
                                    where earlier.message_key = outbox_message.message_key
                                      and earlier.seq < outbox_message.seq and earlier.claimed_until >= now())""")
            .orderedBy("seq")
            .leasing("claimed_until")
            .oneClaimAtATime();

    private final EntityManager em;
    private final JobClaims claims;
    private final OutboxConfig config;

    @Inject // a field: the overflow strategy applies to injection points the messaging extension sees as such
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
    MutinyEmitter<String> emitter;

    public OutboxRelay(EntityManager em, JobClaims claims, OutboxConfig config) {
        this.em = em;
        this.claims = claims;
        this.config = config;
    }

    private volatile boolean stopping;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong relayed = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        // Coalesce: under load many commits share one queued drain instead of one query each.
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down: the next start's poll sends the row
            }
        }
    }

    // The first poll waits until the messaging channels are connected; commits trigger a drain before that anyway.
    @Scheduled(every = "${uputnica.outbox.poll-interval:2s}", delayed = "${uputnica.outbox.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    void onStart(@Observes io.quarkus.runtime.StartupEvent event, io.micrometer.core.instrument.MeterRegistry metrics) {
        // what was relayed since start; the backlog itself is a gauge of OutboxBacklog
        io.micrometer.core.instrument.FunctionCounter.builder("uputnica.outbox.relayed", relayed, AtomicLong::get)
                .description("events this instance sent from its outbox to Kafka").register(metrics);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // the database goes away with the application: leave the rest to the next start
        worker.shutdown();
    }

    /** Relays until the outbox is empty. Only one drain runs at a time; a request during a drain makes it loop again. */
    public void drain() {
        if (stopping) {
            return;
        }
        pending.set(true);
        while (pending.get() && running.compareAndSet(false, true)) {
            try {
                pending.set(false);
                int sent;
                do {
                    sent = relayBatch();
                } while (sent >= config.batchSize());
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay failed; the batch is released and retried at the next poll: %s", e.toString());
                pending.set(false);
            } finally {
                running.set(false);
            }
        }
    }

    /** Total events this instance relayed since start (for metrics and tests). */
    public long relayedCount() {
        return relayed.get();
    }

    /**
     * Claims a batch (a lease, so that another instance skips it), commits, sends it all at once without holding any
     * database transaction, waits for every ack, and deletes the batch in one statement. If this instance dies after
     * the send, the lease runs out and the rows are sent again: consumers are idempotent by event id.
     */
    private int relayBatch() {
        List<OutboxMessage> batch = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = claims.lease(CLAIM, config.batchSize(), config.effectiveLease(), Map.of());
            return ids.isEmpty() ? List.<OutboxMessage>of() : em.createQuery(
                            "from OutboxMessage m where m.id in :ids order by m.seq", OutboxMessage.class)
                    .setParameter("ids", ids)
                    .getResultList();
        });
        if (batch.isEmpty()) {
            return 0;
        }
        List<UUID> ids = batch.stream().map(m -> m.id).toList();
        try {
            // one producer, in commit order: Kafka keeps the order per partition, so per aggregate
            Uni.join().all(batch.stream().map(this::send).toList()).andFailFast().await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            // release the claim at once, so that the next attempt sends these rows first and in order
            QuarkusTransaction.requiringNew().run(() -> claims.release(CLAIM, ids));
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate());
        relayed.addAndGet(batch.size());
        return batch.size();
    }

    private Uni<Void> send(OutboxMessage m) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", m.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", m.id.toString().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(m.topic)
                .withKey(m.key)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(m.payload).addMetadata(metadata));
    }
}
