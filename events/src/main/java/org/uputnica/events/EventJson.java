package org.uputnica.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping for events, so that producers and consumers agree on dates and unknown fields. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.id(), e);
        }
    }

    public static JsonNode toData(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /** Parses and validates an envelope; anything else is an {@link InvalidEventException}. */
    public static EventEnvelope read(String json) {
        if (json == null) {
            throw new InvalidEventException("empty message");
        }
        try {
            return MAPPER.readValue(json, EventEnvelope.class).requireValid();
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a CloudEvents JSON document: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("data of " + envelope.type() + " does not match " + type.getSimpleName(), e);
        }
    }
}
