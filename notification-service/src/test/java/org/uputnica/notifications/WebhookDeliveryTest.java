package org.uputnica.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/** Webhooks against a real HTTP endpoint: signatures, event types, retries with back-off, parking and replay. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class WebhookDeliveryTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PROBLEM = "application/problem+json";
    static final String SENT = EventType.REFERRAL_SENT.value();
    static final String ACCEPTED = EventType.REFERRAL_ACCEPTED.value();
    static final ObjectMapper JSON = new ObjectMapper();
    static WebhookReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AdjustableClock clock;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The ministry's system: client credentials, role integrator, agency minrzs. */
    static RequestSpecification ministry() {
        return given().auth().oauth2(Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                "minrzs-integration-secret"));
    }

    static Map<String, Object> register(RequestSpecification as, String path, List<String> types) {
        return as.contentType("application/json").body(Map.of("url", receiver.url(path), "eventTypes", types))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .extract().jsonPath().getMap("$");
    }

    /** Verifies a request as a receiver would, from the Standard Webhooks convention alone. */
    static void assertSigned(WebhookReceiver.Received request, String secret) {
        assertNotNull(request.id(), "webhook-id");
        assertNotNull(request.timestamp(), "webhook-timestamp");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = request.id() + "." + request.timestamp() + "." + request.body();
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, request.signature());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<WebhookReceiver.Received> about(String path, UUID referralId) {
        return receiver.at(path).stream().filter(r -> r.body().contains(referralId.toString())).toList();
    }

    @Test
    void anIntegratorReceivesItsAgencysEventsSignedAndOnlyOfTheTypesItAskedFor() {
        Map<String, Object> webhook = register(ministry(), "/ministry", List.of(SENT, ACCEPTED));
        String secret = (String) webhook.get("secret");
        assertTrue(secret.startsWith("whsec_"), secret);

        ReferralEvents.Data referral = between("csr-kikinda", "minrzs");
        EventEnvelope sent = referral.event(EventType.REFERRAL_SENT);
        send(bootstrap, sent,
                referral.status("ACKNOWLEDGED", "SENT").actedBy("minrzs").event(EventType.REFERRAL_ACKNOWLEDGED),
                referral.status("ACCEPTED", "ACKNOWLEDGED").event(EventType.REFERRAL_ACCEPTED));

        await().atMost(PATIENCE).until(() -> about("/ministry", referral.referralId).size() == 2);
        List<WebhookReceiver.Received> requests = about("/ministry", referral.referralId);
        requests.forEach(r -> assertSigned(r, secret));
        requests.forEach(r -> assertEquals("application/json", r.contentType()));
        requests.forEach(r -> assertTrue(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond()) < 300));
        assertEquals(Set.of(SENT, ACCEPTED), requests.stream().map(r -> json(r.body()).get("type").asText())
                .collect(Collectors.toSet()), "not acknowledged: the webhook did not ask for it");
        JsonNode sentBody = requests.stream().map(r -> json(r.body()))
                .filter(b -> b.get("type").asText().equals(SENT)).findFirst().orElseThrow();
        assertEquals(sent.id(), sentBody.get("id").asText(), "the CloudEvent as the service received it");
        assertEquals("minrzs", sentBody.get("data").get("toAgency").asText());

        String webhookId = (String) webhook.get("id");
        List<Map<String, Object>> log = ministry().when().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> sentLog = log.stream().filter(d -> sent.id().equals(d.get("eventId"))).findFirst().orElseThrow();
        assertEquals("SENT", sentLog.get("status"));
        assertEquals(204, sentLog.get("lastStatusCode"));
        assertEquals(List.of(204), ((List<Map<String, Object>>) sentLog.get("log")).stream().map(a -> a.get("statusCode")).toList());
        assertTrue(requests.stream().anyMatch(r -> r.id().equals(sentLog.get("id"))), "webhook-id is the delivery id");

        // the inbox shows the call among the item's deliveries
        String item = ministry().queryParam("referralId", referral.referralId.toString()).queryParam("kind", "REFERRAL_RECEIVED")
                .when().get("/api/v1/inbox").then().statusCode(200).extract().path("items[0].id");
        ministry().when().get("/api/v1/inbox/" + item + "/deliveries").then().statusCode(200)
                .body("find { it.channel == 'WEBHOOK' }.recipient", equalTo("localhost"))
                .body("find { it.channel == 'WEBHOOK' }.status", equalTo("SENT"));

        List<Map<String, Object>> listed = ministry().when().get("/api/v1/webhooks").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> mine = listed.stream().filter(w -> webhookId.equals(w.get("id"))).findFirst().orElseThrow();
        assertFalse(mine.containsKey("secret"), "the secret is shown once");
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffThenParkedAndCanBeReplayed() {
        receiver.answer("/rod-down", 503);
        Map<String, Object> webhook = register(as("nina.admin"), "/rod-down", List.of(SENT));
        String secret = (String) webhook.get("secret");
        String path = "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";

        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));
        EmailDeliveryTest.itemId("marko.rod", referral.referralId, "REFERRAL_RECEIVED"); // the inbox does not wait

        Map<String, Object> first = awaitAttempts(path, 1);
        assertEquals("PENDING", first.get("status"));
        assertEquals(503, first.get("lastStatusCode"));
        assertEquals(Duration.ofSeconds(30), waitAfterLastAttempt(first));

        clock.advance(Duration.ofSeconds(31));
        assertEquals(Duration.ofMinutes(1), waitAfterLastAttempt(awaitAttempts(path, 2)));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Duration.ofMinutes(2), waitAfterLastAttempt(awaitAttempts(path, 3)));

        clock.advance(Duration.ofHours(25)); // past the day of retries: the next failure parks it
        Map<String, Object> parked = awaitAttempts(path, 4);
        assertEquals("FAILED", parked.get("status"));
        assertNotNull(parked.get("parkedAt"));
        assertEquals(null, parked.get("nextAttemptAt"));
        List<Map<String, Object>> deadLetters = as("nina.admin").when().get("/api/v1/webhooks/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(deadLetters.stream().anyMatch(d -> d.get("id").equals(parked.get("id"))));
        assertEquals(List.of(503, 503, 503, 503), ((List<Map<String, Object>>) parked.get("log")).stream()
                .map(a -> a.get("statusCode")).toList(), "every attempt is logged with its answer");

        List<WebhookReceiver.Received> tries = about("/rod-down", referral.referralId);
        assertEquals(4, tries.size());
        tries.forEach(r -> assertSigned(r, secret));
        assertEquals(Set.of(parked.get("id")), tries.stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()),
                "one webhook-id for all attempts, so the receiver can drop repeats");

        receiver.answer("/rod-down", 200);
        as("nina.admin").when().post("/api/v1/webhooks/deliveries/" + parked.get("id") + "/replay")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(PATIENCE).until(() -> "SENT".equals(deliveryOf(path).get("status")));
        Map<String, Object> replayed = deliveryOf(path);
        assertEquals(5, replayed.get("attempts"));
        assertEquals(200, replayed.get("lastStatusCode"));
        assertSigned(about("/rod-down", referral.referralId).get(4), secret);
        assertFalse(as("nina.admin").when().get("/api/v1/webhooks/dead-letters").then().extract().jsonPath()
                .getList("id").contains(parked.get("id")));
        as("nina.admin").when().post("/api/v1/webhooks/deliveries/" + parked.get("id") + "/replay")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-parked"));
    }

    @Test
    void removingAWebhookParksWhatItHadPending() {
        receiver.answer("/rod-removed", 500);
        Map<String, Object> webhook = register(as("nina.admin"), "/rod-removed", List.of(SENT));
        String path = "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";
        send(bootstrap, between("iom-serbia", "udruzenje-rod").event(EventType.REFERRAL_SENT));
        Map<String, Object> pending = awaitAttempts(path, 1);

        as("nina.admin").when().delete("/api/v1/webhooks/" + webhook.get("id")).then().statusCode(204);
        as("nina.admin").when().get("/api/v1/webhooks/" + webhook.get("id")).then().statusCode(404);
        Map<String, Object> parked = deliveryOf(path);
        assertEquals("FAILED", parked.get("status"));
        assertEquals("the webhook was removed", parked.get("lastError"));
        as("nina.admin").when().post("/api/v1/webhooks/deliveries/" + pending.get("id") + "/replay")
                .then().statusCode(409).body("type", equalTo("urn:uputnica:problem:webhook-removed"));
    }

    @Test
    void webhooksBelongToTheIntegratorsAndAdminsOfOneAgency() {
        Map<String, Object> ministryHook = register(ministry(), "/ministry-private", List.of(SENT));
        String id = (String) ministryHook.get("id");

        as("marko.rod").contentType("application/json").body(Map.of("url", receiver.url("/x"), "eventTypes", List.of(SENT)))
                .when().post("/api/v1/webhooks").then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/webhooks").then().statusCode(401).contentType(PROBLEM);
        as("nina.admin").when().get("/api/v1/webhooks/" + id).then().statusCode(404);
        as("nina.admin").when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        as("nina.admin").when().delete("/api/v1/webhooks/" + id).then().statusCode(404);
        as("nina.admin").when().post("/api/v1/webhooks/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        assertFalse(as("nina.admin").when().get("/api/v1/webhooks").then().extract().jsonPath().getList("id").contains(id));

        ministry().contentType("application/json")
                .body(Map.of("url", "ftp://example.org/x", "eventTypes", List.of(SENT, "org.uputnica.case.created.v1")))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", equalTo(List.of("url", "eventTypes[1]")));
        ministry().contentType("application/json")
                .body(Map.of("url", "http://user:secret@example.org/x", "eventTypes", List.of(SENT)))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors[0].message", containsString("credentials"));
        ministry().contentType("application/json").body(Map.of("url", receiver.url("/x"), "eventTypes", List.of()))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors.field", equalTo(List.of("eventTypes")));
        ministry().queryParam("status", "LOST").when().get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).body("errors.field", equalTo(List.of("status")));

        ministry().when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("url", equalTo(receiver.url("/ministry-private")));
        ministry().when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        ministry().when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    /** The webhook's only delivery, once it has had this many attempts. */
    static Map<String, Object> awaitAttempts(String deliveriesPath, int attempts) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> d = deliveryOf(deliveriesPath);
            return d != null && Integer.valueOf(attempts).equals(d.get("attempts"));
        });
        return deliveryOf(deliveriesPath);
    }

    static Map<String, Object> deliveryOf(String deliveriesPath) {
        List<Map<String, Object>> all = as("nina.admin").when().get(deliveriesPath).then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.isEmpty() ? null : all.get(0);
    }

    @SuppressWarnings("unchecked")
    static Duration waitAfterLastAttempt(Map<String, Object> delivery) {
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("log");
        OffsetDateTime last = OffsetDateTime.parse((String) log.get(log.size() - 1).get("at"));
        return Duration.between(last, OffsetDateTime.parse((String) delivery.get("nextAttemptAt")));
    }
}
