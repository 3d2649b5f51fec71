package org.uputnica.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;
import static org.uputnica.notifications.WebhookDeliveryTest.PATIENCE;
import static org.uputnica.notifications.WebhookDeliveryTest.PROBLEM;
import static org.uputnica.notifications.WebhookDeliveryTest.assertSigned;
import static org.uputnica.notifications.WebhookDeliveryTest.json;
import static org.uputnica.notifications.InboxApiTest.as;

/** A webhook with {@code format: fhir}: FHIR R4 id-only notifications (Subscriptions Backport style) of referral changes. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class FhirWebhookTest {
    static final String SENT = EventType.REFERRAL_SENT.value();
    static final String ACCEPTED = EventType.REFERRAL_ACCEPTED.value();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    static List<WebhookReceiver.Received> about(String path, java.util.UUID referralId) {
        return receiver.at(path).stream().filter(r -> r.body().contains(referralId.toString())).toList();
    }

    static Map<String, Object> register(String path, List<String> types, String format) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(path), "eventTypes", types));
        if (format != null) {
            body.put("format", format);
        }
        return as("nina.admin").contentType("application/json").body(body).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath().getMap("$");
    }

    static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (name.equals(p.get("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    @Test
    void aFhirWebhookIsToldOfEachChangeOfTheTaskByASignedIdOnlyNotification() {
        Map<String, Object> webhook = register("/fhir-rod", List.of(SENT, ACCEPTED), "fhir");
        String id = (String) webhook.get("id");
        try {
            assertEquals("fhir", webhook.get("format"));
            String secret = (String) webhook.get("secret");

            ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
            send(bootstrap, referral.event(EventType.REFERRAL_SENT),
                    referral.status("ACKNOWLEDGED", "SENT").actedBy("udruzenje-rod").event(EventType.REFERRAL_ACKNOWLEDGED),
                    referral.status("ACCEPTED", "ACKNOWLEDGED").event(EventType.REFERRAL_ACCEPTED));

            await().atMost(PATIENCE).until(() -> about("/fhir-rod", referral.referralId).size() == 2);
            List<WebhookReceiver.Received> requests = about("/fhir-rod", referral.referralId);
            requests.forEach(r -> assertSigned(r, secret));
            requests.forEach(r -> assertEquals("application/fhir+json", r.contentType()));

            List<JsonNode> bundles = requests.stream().map(r -> json(r.body()))
                    .sorted(Comparator.comparing(FhirWebhookTest::eventNumber)).toList();
            String task = "https://uputnica.test/fhir/Task/" + referral.referralId;
            for (int i = 0; i < bundles.size(); i++) {
                JsonNode bundle = bundles.get(i);
                assertEquals("Bundle", bundle.get("resourceType").asText());
                assertEquals("history", bundle.get("type").asText());
                JsonNode status = bundle.get("entry").get(0).get("resource");
                assertEquals("Parameters", status.get("resourceType").asText());
                JsonNode parameters = status.get("parameter");
                assertEquals("urn:uuid:" + id, parameter(parameters, "subscription").get("valueReference").get("reference").asText());
                assertEquals("urn:uputnica:fhir:topic:referral-changed", parameter(parameters, "topic").get("valueCanonical").asText());
                assertEquals("event-notification", parameter(parameters, "type").get("valueCode").asText());
                String number = Integer.toString(i + 1);
                assertEquals(number, parameter(parameters, "events-since-subscription-start").get("valueString").asText());
                JsonNode event = parameter(parameters, "notification-event").get("part");
                assertEquals(number, parameter(event, "event-number").get("valueString").asText());
                assertFalse(parameter(event, "timestamp").get("valueInstant").asText().isBlank());
                assertEquals(task, parameter(event, "focus").get("valueReference").get("reference").asText());
                assertEquals(task, bundle.get("entry").get(1).get("fullUrl").asText(), "id-only: the Task by reference");
                assertFalse(bundle.get("entry").get(1).has("resource"), "id-only: no content");
                assertEquals(requests.stream().filter(r -> json(r.body()).equals(bundle)).findFirst().orElseThrow().id(),
                        bundle.get("id").asText(), "the Bundle's id is the delivery id (webhook-id)");
            }
            assertEquals("POST", bundles.get(0).get("entry").get(1).get("request").get("method").asText(), "sent: created");
            assertEquals("PUT", bundles.get(1).get("entry").get(1).get("request").get("method").asText(), "accepted: updated");
            String all = requests.stream().map(WebhookReceiver.Received::body).reduce("", String::concat);
            assertFalse(all.contains("csr-kikinda") || all.contains("caseId") || all.contains(referral.caseId.toString()),
                    "ids of the Task only: no parties, no case");
        } finally {
            as("nina.admin").when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    private static String eventNumber(JsonNode bundle) {
        JsonNode parameters = bundle.get("entry").get(0).get("resource").get("parameter");
        return parameter(parameter(parameters, "notification-event").get("part"), "event-number").get("valueString").asText();
    }

    @Test
    void cloudEventsStayTheDefaultAndAFhirWebhookTakesReferralEventsOnly() {
        Map<String, Object> plain = register("/plain", List.of(SENT), null);
        try {
            assertEquals("cloudevents", plain.get("format"));
            as("nina.admin").when().get("/api/v1/webhooks/" + plain.get("id")).then().statusCode(200).body("format", equalTo("cloudevents"));
        } finally {
            as("nina.admin").when().delete("/api/v1/webhooks/" + plain.get("id")).then().statusCode(204);
        }

        as("nina.admin").contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "format", "fhir",
                        "eventTypes", List.of(SENT, EventType.CASE_CONSENT_RECORDED.value())))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", equalTo(List.of("eventTypes[1]")))
                .body("errors[0].message", containsString("referral events only"));
        as("nina.admin").contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "format", "hl7v2", "eventTypes", List.of(SENT)))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("format")));
        assertTrue(as("nina.admin").when().get("/api/v1/webhooks").then().extract().jsonPath().getList("url")
                .stream().noneMatch(u -> u.toString().endsWith("/x")));
    }
}
