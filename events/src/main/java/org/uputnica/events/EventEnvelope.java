package org.uputnica.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on every Uputnica topic.
 * The outbox stores this exact JSON, so the relay never re-serialises and consumers see what was committed.
 * Events carry ids and codes only: no names, birth dates or free text about a person.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode CloudEvent (CloudEvents Kafka binding). */
    public static final String KAFKA_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static EventEnvelope of(EventType type, String source, String subject, OffsetDateTime time, JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), type.value(), source, subject, time, JSON, data);
    }

    /** Throws {@link InvalidEventException} when a required CloudEvents attribute is missing. */
    public EventEnvelope requireValid() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("specversion must be 1.0, was " + specversion);
        }
        if (isBlank(id) || isBlank(type) || isBlank(source) || isBlank(subject) || time == null || data == null) {
            throw new InvalidEventException("event lacks one of id, type, source, subject, time, data");
        }
        return this;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
