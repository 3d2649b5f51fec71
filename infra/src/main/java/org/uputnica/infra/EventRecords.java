package org.uputnica.infra;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.Topic;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kafka records of events exactly as the outbox relay sends them (key, CloudEvents headers), for tests. */
public final class EventRecords {
    private EventRecords() {
    }

    public static ProducerRecord<String, String> of(Topic topic, EventEnvelope event) {
        return of(topic, event.subject(), EventJson.write(event), event.type(), event.id());
    }

    /** Any payload under the headers of an event: for poison messages. */
    public static ProducerRecord<String, String> of(Topic topic, String key, String payload, String type, String id) {
        return new ProducerRecord<>(topic.topicName(), null, key, payload, List.of(
                new RecordHeader("content-type", EventEnvelope.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8))));
    }
}
