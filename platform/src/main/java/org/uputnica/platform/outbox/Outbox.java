package org.uputnica.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the change it describes (a transactional outbox).
 * Sending to Kafka from inside the transaction would not be atomic with the commit; the {@link OutboxRelay}
 * sends the row after the commit instead, so a committed change always yields its event.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * @param subject the aggregate id: the CloudEvents subject and the Kafka key
     * @param payload the event's data, a record from the events module
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID subject, Object payload) {
        return publish(type, subject.toString(), payload);
    }

    /**
     * For aggregates named by a code rather than a UUID (an agency's alias, a working group's code).
     *
     * @param subject the aggregate's id: the CloudEvents subject and the Kafka key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, String subject, Object payload) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        EventEnvelope envelope = EventEnvelope.of(type, "/uputnica/" + applicationName, subject, now,
                EventJson.toData(payload));
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.fromString(envelope.id());
        message.topic = type.topic().topicName();
        message.key = subject;
        message.eventType = type.value();
        message.payload = EventJson.write(envelope);
        message.createdAt = now;
        message.persist();
        written.fire(OutboxWritten.INSTANCE);
        return envelope;
    }

    /** Fired when an outbox row was written; observed after commit to relay at once instead of at the next poll. */
    public enum OutboxWritten {
        INSTANCE
    }
}
