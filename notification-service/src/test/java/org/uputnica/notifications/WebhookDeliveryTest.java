package org.uputnica.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Inject
    EntityManager em;

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
        assertEquals(signature(request, secret), request.signature());
    }

    /** The signature a receiver expects of this request under this secret. */
    static String signature(WebhookReceiver.Received request, String secret) {
        assertNotNull(request.id(), "webhook-id");
        assertNotNull(request.timestamp(), "webhook-timestamp");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = request.id() + "." + request.timestamp() + "." + request.body();
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
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

    @Test
    void aReceiverThatDripsItsAnswerIsCutOffAtTheDeadlineAndHoldsUpNoOtherAgency() {
        receiver.drip("/ministry-drip", Duration.ofSeconds(90));
        Map<String, Object> slow = register(ministry(), "/ministry-drip", List.of(SENT));
        register(as("nina.admin"), "/rod-quick", List.of(SENT));

        ReferralEvents.Data toMinistry = between("csr-kikinda", "minrzs");
        send(bootstrap, toMinistry.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> !about("/ministry-drip", toMinistry.referralId).isEmpty());

        // the ministry's endpoint is still dripping its answer: another agency's delivery does not wait for it
        ReferralEvents.Data toRod = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, toRod.event(EventType.REFERRAL_SENT));
        await().atMost(Duration.ofSeconds(15)).until(() -> !about("/rod-quick", toRod.referralId).isEmpty());

        // and the slow attempt ends at its deadline (5 s in tests), a failure to retry, long before the drip would end
        String path = "/api/v1/webhooks/" + slow.get("id") + "/deliveries";
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(1).equals(ministry().when().get(path)
                .then().statusCode(200).extract().jsonPath().get("find { it.attempts > 0 }.attempts")));
        Map<String, Object> cut = ministry().when().get(path).then().extract().jsonPath().getMap("find { it.attempts > 0 }");
        assertEquals("no complete answer within 5 s", cut.get("lastError"));
        assertEquals(null, cut.get("lastStatusCode"));
        assertEquals("PENDING", cut.get("status"));
        ministry().when().delete("/api/v1/webhooks/" + slow.get("id")).then().statusCode(204);
    }

    @Test
    void aSecretIsSealedAtRestAndRotatesWithBothSignaturesUntilTheOldOneIsRetired() {
        Map<String, Object> webhook = register(ministry(), "/ministry-rotation", List.of(SENT));
        String id = (String) webhook.get("id");
        String oldSecret = (String) webhook.get("secret");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select secret from webhook_subscription where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult());
        assertTrue(stored.startsWith("gcm1:"), "sealed: " + stored);
        assertFalse(stored.contains(oldSecret.substring("whsec_".length())), "no plain secret in the database");

        Map<String, Object> rotated = ministry().when().post("/api/v1/webhooks/" + id + "/secret-rotation")
                .then().statusCode(200).body("previousSecretActive", equalTo(true)).extract().jsonPath().getMap("$");
        String newSecret = (String) rotated.get("secret");
        assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(oldSecret));
        ministry().when().post("/api/v1/webhooks/" + id + "/secret-rotation").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:secret-rotation-pending"));
        as("nina.admin").when().post("/api/v1/webhooks/" + id + "/secret-rotation").then().statusCode(404);
        assertFalse(ministry().when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("previousSecretActive", equalTo(true)).extract().jsonPath().getMap("$").containsKey("secret"));

        // while both are held, each delivery carries both signatures, the new one first
        ReferralEvents.Data during = between("csr-kikinda", "minrzs");
        send(bootstrap, during.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> about("/ministry-rotation", during.referralId).size() == 1);
        WebhookReceiver.Received twice = about("/ministry-rotation", during.referralId).get(0);
        assertEquals(signature(twice, newSecret) + " " + signature(twice, oldSecret), twice.signature());

        ministry().when().delete("/api/v1/webhooks/" + id + "/previous-secret").then().statusCode(204);
        ministry().when().get("/api/v1/webhooks/" + id).then().body("previousSecretActive", equalTo(false));
        ReferralEvents.Data after = between("csr-kikinda", "minrzs");
        send(bootstrap, after.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> about("/ministry-rotation", after.referralId).size() == 1);
        assertSigned(about("/ministry-rotation", after.referralId).get(0), newSecret);
        ministry().when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
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
