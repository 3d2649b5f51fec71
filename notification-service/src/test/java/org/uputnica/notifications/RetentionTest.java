package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.notifications.retention.Erasure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/**
 * Retention (issue 15, item 11): webhook deliveries go after 30 days, e-mail deliveries after 90, inbox items after a
 * year (the defaults), each erased by the scheduled erasure, here run at once after moving the service's clock.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class RetentionTest {
    static WebhookReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AdjustableClock clock;

    @Inject
    Erasure erasure;

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

    @Test
    void webhookDeliveriesEmailDeliveriesAndInboxItemsAreErasedAfterTheirPeriods() {
        EmailDeliveryTest.registerMailbox(EmailDeliveryTest.address("retention", "udruzenje-rod"), "en", null);
        String webhook = as("nina.admin").contentType("application/json")
                .body(Map.of("url", receiver.url("/retention"), "eventTypes", List.of(EventType.REFERRAL_SENT.value())))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));
        String item = EmailDeliveryTest.itemId("marko.rod", referral.referralId, "REFERRAL_RECEIVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> channels(item).containsAll(List.of("EMAIL", "WEBHOOK")));
        String webhookLog = "/api/v1/webhooks/" + webhook + "/deliveries";
        assertEquals(1, as("nina.admin").when().get(webhookLog).then().extract().jsonPath().getList("$").size());

        clock.advance(Duration.ofDays(29));
        erasure.eraseExpired();
        assertTrue(channels(item).containsAll(List.of("EMAIL", "WEBHOOK")), "nothing is due yet");

        clock.advance(Duration.ofDays(2));
        erasure.eraseExpired();
        assertFalse(channels(item).contains("WEBHOOK"), "webhook deliveries: 30 days");
        assertTrue(channels(item).contains("EMAIL"));
        assertEquals(List.of(), as("nina.admin").when().get(webhookLog).then().statusCode(200).extract().jsonPath().getList("$"));

        clock.advance(Duration.ofDays(60));
        erasure.eraseExpired();
        assertFalse(channels(item).contains("EMAIL"), "e-mail deliveries: 90 days");
        assertEquals(1, inboxTotal(referral));

        clock.advance(Duration.ofDays(275));
        erasure.eraseExpired();
        assertEquals(0, inboxTotal(referral), "inbox items: a year");
        as("marko.rod").when().get("/api/v1/inbox/" + item + "/deliveries").then().statusCode(404);
        as("nina.admin").when().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
    }

    static List<String> channels(String item) {
        return as("marko.rod").when().get("/api/v1/inbox/" + item + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("channel");
    }

    static int inboxTotal(ReferralEvents.Data referral) {
        return as("marko.rod").queryParam("referralId", referral.referralId.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
