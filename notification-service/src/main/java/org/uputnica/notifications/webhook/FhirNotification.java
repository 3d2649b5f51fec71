package org.uputnica.notifications.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of a {@code fhir} webhook's delivery: an FHIR R4 "id-only" notification in the style of the Subscriptions
 * R5 Backport IG (which the Gravity SDOH guide uses). A {@code history} Bundle whose first entry is a
 * SubscriptionStatus-like {@code Parameters} resource and whose second names the changed Task, without its content:
 * the receiver reads {@code GET Task/{id}} with its own token. Ids and codes only, like the event itself.
 * Built with Jackson: the notification-service has no HAPI FHIR, to stay light; docs/fhir.md shows the shape.
 */
final class FhirNotification {
    static final String CONTENT_TYPE = "application/fhir+json";
    static final String TOPIC = "urn:uputnica:fhir:topic:referral-changed";
    static final String STATUS_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";
    static final String NOTIFICATION_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FhirNotification() {
    }

    /**
     * @param deliveryId     the delivery (also the webhook-id header): the Bundle's id
     * @param webhookId      the subscription, referenced as {@code urn:uuid:{webhookId}} (it is no FHIR resource)
     * @param eventNumber    the delivery's place among its webhook's events (1, 2, ...)
     * @param cloudEvent     the event as stored: a referral event
     * @param fhirBase       the referral-service's public FHIR base, if configured: then the focus is a full URL
     * @param now            when the notification is made (the Bundle's timestamp)
     */
    static String of(UUID deliveryId, UUID webhookId, long eventNumber, String cloudEvent, Optional<String> fhirBase,
                     OffsetDateTime now) {
        EventEnvelope event = EventJson.read(cloudEvent);
        if (!EventType.fromValue(event.type()).map(EventType::aboutAReferral).orElse(false)) {
            throw new IllegalArgumentException("an FHIR notification tells of referral events only, not " + event.type());
        }
        JsonNode referralId = event.data().get("referralId");
        if (referralId == null || referralId.asText().isBlank()) {
            throw new IllegalArgumentException("event " + event.id() + " names no referral");
        }
        String task = "Task/" + referralId.asText();
        String focus = fhirBase.map(b -> b.replaceAll("/+$", "") + "/" + task).orElse(task);
        String number = Long.toString(eventNumber);

        ObjectNode status = MAPPER.createObjectNode();
        status.put("resourceType", "Parameters");
        status.put("id", deliveryId.toString());
        status.putObject("meta").putArray("profile").add(STATUS_PROFILE);
        ArrayNode parameters = status.putArray("parameter");
        parameters.addObject().put("name", "subscription").putObject("valueReference")
                .put("reference", "urn:uuid:" + webhookId).put("display", "Uputnica webhook " + webhookId);
        parameters.addObject().put("name", "topic").put("valueCanonical", TOPIC);
        parameters.addObject().put("name", "status").put("valueCode", "active");
        parameters.addObject().put("name", "type").put("valueCode", "event-notification");
        parameters.addObject().put("name", "events-since-subscription-start").put("valueString", number);
        ObjectNode notificationEvent = parameters.addObject().put("name", "notification-event");
        ArrayNode parts = notificationEvent.putArray("part");
        parts.addObject().put("name", "event-number").put("valueString", number);
        parts.addObject().put("name", "timestamp").put("valueInstant", instant(event.time()));
        parts.addObject().put("name", "focus").putObject("valueReference").put("reference", focus);

        ObjectNode bundle = MAPPER.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", deliveryId.toString());
        bundle.putObject("meta").putArray("profile").add(NOTIFICATION_PROFILE);
        bundle.put("type", "history");
        bundle.put("timestamp", instant(now));
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode first = entries.addObject();
        first.put("fullUrl", "urn:uuid:" + deliveryId);
        first.set("resource", status);
        // a history Bundle's entries each carry request and response (R4 bdl-3, bdl-4)
        first.putObject("request").put("method", "GET").put("url", "urn:uuid:" + webhookId + "/$status");
        first.putObject("response").put("status", "200");
        // id-only: the changed Task by reference, no resource
        ObjectNode changed = entries.addObject();
        if (fhirBase.isPresent()) {
            changed.put("fullUrl", focus);
        }
        boolean created = EventType.REFERRAL_SENT.value().equals(event.type());
        changed.putObject("request").put("method", created ? "POST" : "PUT").put("url", created ? "Task" : task);
        changed.putObject("response").put("status", created ? "201" : "200");
        return bundle.toString();
    }

    private static String instant(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
