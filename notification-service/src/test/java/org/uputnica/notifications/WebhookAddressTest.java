package org.uputnica.notifications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.notifications.webhook.WebhookSignature;
import org.uputnica.notifications.webhook.WebhookSubscription;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/**
 * Webhooks call only public internet addresses (issue 15, item 7), with the allow-list as in production: nothing
 * exempts localhost here. Registration refuses inward addresses; a webhook whose name points inward later (or was
 * registered before the rule) is refused at sending, without a word about what is behind the address. No test here
 * sends anything to an address outside this machine: the refusals come before any connection.
 */
@QuarkusTest
@TestProfile(WebhookAddressTest.ProductionRules.class)
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class WebhookAddressTest {
    static final String PROBLEM = "application/problem+json";
    static final String SENT = EventType.REFERRAL_SENT.value();
    static WebhookReceiver receiver;

    /** No host exempt but 127.0.0.2, which nothing listens on (to register webhooks without calling out); a cap of 3. */
    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("uputnica.webhooks.allowed-hosts", "127.0.0.2/32", "uputnica.webhooks.max-per-agency", "3");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** The agency's webhooks left by other tests would count against the cap. */
    @BeforeEach
    void removeRodsWebhooks() {
        List<String> ids = as("nina.admin").when().get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath().getList("id");
        ids.forEach(id -> as("nina.admin").when().delete("/api/v1/webhooks/" + id).then().statusCode(204));
    }

    @Test
    void registrationRefusesLoopbackPrivateLinkLocalAndTheirIpv6Forms() {
        for (String url : List.of("http://127.0.0.1:8083/x", "https://127.1.2.3/x", "http://10.0.0.1/x", "https://172.16.5.4/x",
                "https://192.168.1.1/x", "http://169.254.169.254/latest/meta-data/", "https://100.64.0.1/x",
                "http://0.0.0.0:8083/x", "http://[::1]:8083/x", "https://[::]/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
                "https://[::ffff:127.0.0.1]/x", "https://[::ffff:a9fe:a9fe]/x", "https://[ff02::1]/x", "https://224.0.0.1/x",
                receiver.url("/named-inward"))) {
            as("nina.admin").contentType("application/json").body(Map.of("url", url, "eventTypes", List.of(SENT)))
                    .when().post("/api/v1/webhooks").then().statusCode(422).contentType(PROBLEM)
                    .body("type", equalTo("urn:uputnica:problem:webhook-address-not-allowed"))
                    .body("errors.field", equalTo(List.of("url")))
                    .body("errors[0].message", equalTo("must resolve to public internet addresses only"));
        }
        assertEquals(List.of(), as("nina.admin").when().get("/api/v1/webhooks").then().extract().jsonPath().getList("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameThatResolvesInwardIsRefusedWhenSendingAndTheLogTellsNothingAboutIt() {
        // as if registered while the name still pointed outward: the check at registration is not enough
        UUID webhookId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription s = new WebhookSubscription();
            s.id = webhookId;
            s.agency = "udruzenje-rod";
            s.url = receiver.url("/rebound");
            s.secret = WebhookSignature.newSecret();
            s.eventTypes = new String[]{SENT};
            s.createdBy = "test";
            s.createdAt = OffsetDateTime.now();
            s.persist();
        });
        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));

        String path = "/api/v1/webhooks/" + webhookId + "/deliveries";
        await().atMost(WebhookDeliveryTest.PATIENCE).until(() -> as("nina.admin").when().get(path).then().statusCode(200)
                .extract().jsonPath().getList("status").contains("FAILED"));
        Map<String, Object> delivery = as("nina.admin").when().get(path).then().extract().jsonPath().getMap("[0]");
        assertEquals("the endpoint's address is not allowed", delivery.get("lastError"));
        assertNull(delivery.get("lastStatusCode"));
        assertTrue(as("nina.admin").when().get("/api/v1/webhooks/dead-letters").then().extract().jsonPath()
                .getList("id").contains(delivery.get("id")), "parked at once");
        Map<String, Object> attempt = ((List<Map<String, Object>>) delivery.get("log")).get(0);
        assertNull(attempt.get("statusCode"));
        assertEquals(0, attempt.get("durationMs"), "no timing of an inward address");
        assertEquals(List.of(), receiver.at("/rebound"), "nothing was sent");

        // a replay checks the address again
        as("nina.admin").when().post("/api/v1/webhooks/deliveries/" + delivery.get("id") + "/replay").then().statusCode(202);
        await().atMost(WebhookDeliveryTest.PATIENCE).until(() -> Integer.valueOf(2).equals(
                as("nina.admin").when().get(path).then().extract().jsonPath().get("[0].attempts")));
        as("nina.admin").when().get(path).then().body("[0].status", equalTo("FAILED"));
        assertEquals(List.of(), receiver.at("/rebound"));
    }

    @Test
    void anAgencyHasAtMostTheConfiguredNumberOfWebhooks() {
        List<String> ids = new java.util.ArrayList<>();
        for (String path : List.of("/a", "/b", "/c")) {
            ids.add(as("nina.admin").contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.2:9" + path, "eventTypes", List.of(SENT)))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
        }
        as("nina.admin").contentType("application/json").body(Map.of("url", "http://127.0.0.2:9/d", "eventTypes", List.of(SENT)))
                .when().post("/api/v1/webhooks").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:webhook-limit-reached"));
        as("nina.admin").when().delete("/api/v1/webhooks/" + ids.get(0)).then().statusCode(204);
        as("nina.admin").contentType("application/json").body(Map.of("url", "http://127.0.0.2:9/d", "eventTypes", List.of(SENT)))
                .when().post("/api/v1/webhooks").then().statusCode(201);
    }
}
