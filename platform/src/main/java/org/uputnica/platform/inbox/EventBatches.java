package org.uputnica.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a batch of Kafka records (a channel with {@code batch=true}) the way {@link EventInbox} applies one, at a
 * fraction of the cost: every record is parsed and checked first; events the consumer ignores are counted and cost
 * nothing more; the others are deduplicated with one statement ({@link ProcessedEvents#firstTimes}) and applied in
 * the records' order (so per partition, per aggregate) in <em>one</em> transaction.
 * <p>
 * A record that is no valid event, or comes from the wrong producer, is parked on the dead-letter topic by itself
 * (nacked alone, so the channel's {@code failure-strategy=dead-letter-queue} applies to that record only). If the
 * batch's transaction fails (an event the handler rejects, the database restarting), nothing of it stays, and the
 * batch is applied again one event per transaction through {@link EventInbox#handle}, with its retries: an event that
 * still fails is parked alone, the others are applied. The batch is acknowledged once every record is applied,
 * ignored or parked.
 */
@ApplicationScoped
public class EventBatches {
    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    private final EventInbox inbox;
    private final ProcessedEvents processed;

    public EventBatches(EventInbox inbox, ProcessedEvents processed) {
        this.inbox = inbox;
        this.processed = processed;
    }

    private record Incoming(KafkaRecord<String, String> record, EventEnvelope event) {
    }

    /**
     * @param consumer the name under which applied events are remembered ({@code processed_event.consumer})
     * @param topic    the topic the records come from: an event whose source is not its producer is poison
     * @param applies  the event types this consumer applies; the others are validated, counted and skipped
     * @param handler  applies one event, inside the batch's transaction
     * @return completes once the poison records are parked and the batch is acknowledged
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch, Topic topic,
                                         Predicate<String> applies, Consumer<EventEnvelope> handler) {
        Map<KafkaRecord<String, String>, Throwable> poison = new LinkedHashMap<>();
        List<Incoming> wanted = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                EventEnvelope event = inbox.read(consumer, record.getPayload(), topic);
                if (applies.test(event.type())) {
                    wanted.add(new Incoming(record, event));
                } else {
                    inbox.counted(consumer, event, "ignored");
                }
            } catch (InvalidEventException e) {
                poison.put(record, e);
            }
        }
        if (!wanted.isEmpty()) {
            try {
                applyInOneTransaction(consumer, wanted, handler);
            } catch (RuntimeException e) {
                LOG.infof("a batch of %d events for %s failed (%s); applying them one by one", wanted.size(), consumer,
                        e.toString());
                for (Incoming in : wanted) {
                    try {
                        inbox.handle(consumer, in.record().getPayload(), topic, applies, handler);
                    } catch (RuntimeException failure) {
                        poison.put(in.record(), failure); // retried already, or invalid: parked like a single record
                    }
                }
            }
        }
        // each poison record alone; nacking the batch would park every record of it
        CompletableFuture<?>[] parked = poison.entrySet().stream()
                .map(p -> p.getKey().nack(p.getValue()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(parked).thenCompose(done -> batch.ack());
    }

    private void applyInOneTransaction(String consumer, List<Incoming> wanted, Consumer<EventEnvelope> handler) {
        Set<String> ids = new LinkedHashSet<>();
        wanted.forEach(in -> ids.add(in.event().id()));
        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> first = processed.firstTimes(consumer, ids);
            List<String> outcome = new ArrayList<>(wanted.size());
            for (Incoming in : wanted) {
                // remove: an event sent twice within the batch is applied once
                boolean apply = first.remove(in.event().id());
                if (apply) {
                    handler.accept(in.event());
                }
                outcome.add(apply ? "applied" : "duplicate");
            }
            return outcome;
        });
        for (int i = 0; i < wanted.size(); i++) {
            inbox.counted(consumer, wanted.get(i).event(), outcomes.get(i));
        }
    }
}
