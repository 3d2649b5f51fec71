package org.uputnica.notifications.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The FHIR notification's shape without a configured FHIR base, and what it refuses. */
class FhirNotificationTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-08T10:15:30+01:00");

    static String event(EventType type, Map<String, Object> data) {
        return EventJson.write(EventEnvelope.of(type, "/referral-service", "referral", NOW, EventJson.toData(data)));
    }

    @Test
    void withoutAFhirBaseTheFocusIsTheRelativeTaskReference() throws Exception {
        UUID referral = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        JsonNode bundle = new ObjectMapper().readTree(FhirNotification.of(delivery, UUID.randomUUID(), 3,
                event(EventType.REFERRAL_COMPLETED, Map.of("referralId", referral.toString(), "toAgency", "minrzs")),
                Optional.empty(), NOW));
        assertEquals(delivery.toString(), bundle.get("id").asText());
        JsonNode event = bundle.at("/entry/0/resource/parameter/5");
        assertEquals("notification-event", event.get("name").asText());
        assertEquals("3", event.at("/part/0/valueString").asText());
        assertEquals("2026-12-08T10:15:30+01:00", event.at("/part/1/valueInstant").asText());
        assertEquals("Task/" + referral, event.at("/part/2/valueReference/reference").asText());
        assertFalse(bundle.get("entry").get(1).has("fullUrl"), "a relative reference is no fullUrl");
        assertEquals("Task/" + referral, bundle.at("/entry/1/request/url").asText());
        assertFalse(bundle.toString().contains("minrzs"), "ids only");
    }

    @Test
    void aCaseEventHasNoFhirNotification() {
        assertThrows(IllegalArgumentException.class, () -> FhirNotification.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                event(EventType.CASE_CONSENT_RECORDED, Map.of("caseId", UUID.randomUUID().toString())), Optional.empty(), NOW));
    }
}
