package org.uputnica.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.jboss.logging.Logger;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.Topic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way a service applies an incoming event: parse and validate the CloudEvent, then in one transaction
 * remember its id and apply it, so that a redelivery (after a crash or a rebalance) changes nothing.
 * <p>
 * A message that is not a valid event throws {@link InvalidEventException} at once; the channel's
 * {@code failure-strategy=dead-letter-queue} then parks it on the dead-letter topic and the consumer goes on.
 * Any other failure (the database restarting, a lock timeout) is transient: the same event is retried with
 * exponential back-off for about a minute before it too is parked, so an outage does not fill the dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry metrics;

    private final Map<String, AtomicLong> poison = new ConcurrentHashMap<>();

    /** Poison messages parked per consumer since start (shown by {@link PoisonMessagesCheck}). */
    public Map<String, Long> poisonCounts() {
        Map<String, Long> counts = new TreeMap<>();
        poison.forEach((consumer, n) -> counts.put(consumer, n.get()));
        return counts;
    }

    @Retry(maxRetries = 12, delay = 200, maxDuration = 120_000, jitter = 100, abortOn = InvalidEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public void handle(String consumer, String message, Consumer<EventEnvelope> handler) {
        handle(consumer, message, type -> true, handler);
    }

    /**
     * As {@link #handle(String, String, Consumer)}, for a consumer that applies only some event types: the others
     * are validated (poison still goes to the dead-letter topic) but cost no transaction and are not remembered.
     */
    @Retry(maxRetries = 12, delay = 200, maxDuration = 120_000, jitter = 100, abortOn = InvalidEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public void handle(String consumer, String message, Predicate<String> applies, Consumer<EventEnvelope> handler) {
        handle(consumer, message, null, applies, handler);
    }

    /**
     * As {@link #handle(String, String, Predicate, Consumer)}, for events read from {@code topic}: an event whose
     * CloudEvents {@code source} is not the topic's one producer ({@link Topic#producer()}) is poison, parked on
     * the dead-letter topic and never applied. Kafka's ACLs keep others from writing; this keeps a wrong writer
     * (another service's bug, a replay from elsewhere) from granting access or moving cases.
     */
    @Retry(maxRetries = 12, delay = 200, maxDuration = 120_000, jitter = 100, abortOn = InvalidEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public void handle(String consumer, String message, Topic topic, Predicate<String> applies,
                       Consumer<EventEnvelope> handler) {
        try {
            EventEnvelope event = readValid(message, topic);
            if (!applies.test(event.type())) {
                counted(consumer, event, "ignored");
                return;
            }
            boolean applied = QuarkusTransaction.joiningExisting().call(() -> {
                if (!processed.firstTime(consumer, event.id())) {
                    return false;
                }
                handler.accept(event);
                return true;
            });
            counted(consumer, event, applied ? "applied" : "duplicate");
        } catch (InvalidEventException e) {
            poison(consumer, e);
            throw e;
        }
    }

    /**
     * Parses and validates one message read from {@code topic} (null: from anywhere). A message that is no valid
     * event, or whose source is not the topic's producer, is counted as poison for {@code consumer} and throws.
     */
    public EventEnvelope read(String consumer, String message, Topic topic) {
        try {
            return readValid(message, topic);
        } catch (InvalidEventException e) {
            poison(consumer, e);
            throw e;
        }
    }

    /** Counts an event by what became of it (uputnica.events.consumed). */
    public void counted(String consumer, EventEnvelope event, String outcome) {
        metrics.counter("uputnica.events.consumed", "consumer", consumer, "type", event.type(), "outcome", outcome)
                .increment();
    }

    private static EventEnvelope readValid(String message, Topic topic) {
        EventEnvelope event = EventJson.read(message);
        if (topic != null && !topic.producer().equals(event.source())) {
            throw new InvalidEventException("event " + event.id() + " from source '" + event.source()
                    + "', but only " + topic.producer() + " publishes on " + topic.topicName());
        }
        return event;
    }

    private void poison(String consumer, InvalidEventException e) {
        metrics.counter("uputnica.events.poison", "consumer", consumer).increment();
        poison.computeIfAbsent(consumer, c -> new AtomicLong()).incrementAndGet();
        LOG.warnf("poison message for %s, sending it to the dead-letter topic: %s", consumer, e.getMessage());
    }
}
