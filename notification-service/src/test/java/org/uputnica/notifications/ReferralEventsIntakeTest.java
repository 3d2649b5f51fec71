package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.ReferralEvents.event;
import static org.uputnica.notifications.ReferralEvents.referral;
import static org.uputnica.notifications.ReferralEvents.send;

/** Referral events from the real topic into the agencies' inboxes: who is told what, once, whatever else arrives. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class ReferralEventsIntakeTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "mp.messaging.incoming.referral-events.topic")
    String consumedTopic;

    @ConfigProperty(name = "mp.messaging.incoming.referral-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    EntityManager em;

    /** The caller's inbox items about one referral. */
    static JsonPath inbox(String user, UUID referralId) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("referralId", referralId.toString())
                .when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
    }

    static int total(String user, UUID referralId) {
        return inbox(user, referralId).getInt("total");
    }

    long rows(String sql, String eventId) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", eventId).getSingleResult()).longValue();
    }

    @Test
    void theChannelsAreTheContractsTopics() {
        assertEquals(Topic.REFERRAL_EVENTS.topicName(), consumedTopic);
        assertEquals(Topic.NOTIFICATION_SERVICE_DLQ.topicName(), deadLetterTopic);
    }

    @Test
    void aSentReferralAndItsAnswersAreToldToBothParties() {
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        EventEnvelope sent = event(EventType.REFERRAL_SENT,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "SENT", null, null));
        send(bootstrap, sent);

        await().atMost(PATIENCE).until(() -> total("marko.rod", referralId) == 1);
        JsonPath received = inbox("marko.rod", referralId);
        assertEquals("REFERRAL_RECEIVED", received.getString("items[0].kind"));
        assertEquals(referralId.toString(), received.getString("items[0].referralId"));
        assertEquals(caseId.toString(), received.getString("items[0].caseId"));
        assertEquals("URGENT", received.getString("items[0].urgency"));
        assertEquals("PSYCHOSOCIAL_SUPPORT", received.getString("items[0].service"));
        assertEquals("SENT", received.getString("items[0].status"));
        assertNull(received.get("items[0].reasonCode"));
        assertFalse(received.getBoolean("items[0].read"));
        assertNull(received.get("items[0].readAt"));
        assertNotNull(received.get("items[0].createdAt"));
        assertEquals(sent.time().toInstant(), OffsetDateTime.parse(received.getString("items[0].eventTime")).toInstant());
        assertEquals(1, total("nina.admin", referralId), "every user of the receiving agency sees it");
        await().atMost(PATIENCE).until(() -> total("ana.csr", referralId) == 1);
        JsonPath own = inbox("ana.csr", referralId);
        assertEquals("REFERRAL_SENT", own.getString("items[0].kind"), "the sender keeps a record that it went out");
        assertEquals("csr-kikinda", own.getString("items[0].actorAgency"));
        assertEquals("csr-kikinda", own.getString("items[0].recipientAgency"));
        assertEquals("udruzenje-rod", own.getString("items[0].toAgency"));
        assertEquals(0, total("ivana.iom", referralId), "uninvolved agencies learn nothing");

        send(bootstrap,
                event(EventType.REFERRAL_ACKNOWLEDGED,
                        referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "ACKNOWLEDGED", "SENT", null)),
                event(EventType.REFERRAL_ACCEPTED,
                        referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED", "ACKNOWLEDGED", null)));

        await().atMost(PATIENCE).until(() -> total("ana.csr", referralId) == 3);
        JsonPath answers = inbox("ana.csr", referralId);
        assertEquals(List.of("REFERRAL_ACCEPTED", "REFERRAL_ACKNOWLEDGED", "REFERRAL_SENT"), answers.getList("items.kind"),
                "newest first");
        assertEquals(List.of("ACCEPTED", "ACKNOWLEDGED", "SENT"), answers.getList("items.status"));
        assertEquals(List.of("udruzenje-rod", "udruzenje-rod", "csr-kikinda"), answers.getList("items.actorAgency"));
        assertEquals(3, total("milica.supervisor", referralId), "every user of the sending agency sees them");
        await().atMost(PATIENCE).until(() -> total("marko.rod", referralId) == 3);
        assertEquals(List.of("REFERRAL_ACCEPTED", "REFERRAL_ACKNOWLEDGED", "REFERRAL_RECEIVED"),
                inbox("marko.rod", referralId).getList("items.kind"),
                "the receiver is told of its own answers too, as its colleagues need to know");
    }

    @Test
    void aRedeliveredEventMakesNoSecondItem() {
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        EventEnvelope sent = event(EventType.REFERRAL_SENT,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "SENT", null, null));
        EventEnvelope declined = event(EventType.REFERRAL_DECLINED,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "DECLINED", "SENT", "NO_CAPACITY"));
        // the same event twice, then another one on the same partition: once that is in, the duplicate was handled
        send(bootstrap, sent, sent, declined);

        await().atMost(PATIENCE).until(() -> total("ana.csr", referralId) == 2);
        JsonPath answer = inbox("ana.csr", referralId);
        assertEquals("REFERRAL_DECLINED", answer.getString("items[0].kind"));
        assertEquals("NO_CAPACITY", answer.getString("items[0].reasonCode"));
        assertEquals(2, total("marko.rod", referralId));
        assertEquals(2, rows("select count(*) from inbox_item where event_id = :id", sent.id()), "one per party");
        assertEquals(1, rows("select count(*) from processed_event where consumer = 'notification-service' and event_id = :id", sent.id()));
    }

    @Test
    void anEventReplayedAfterItsMemoryWasLostAddsNoItemEmailOrWebhookCall() {
        String mailbox = EmailDeliveryTest.address("replay", "udruzenje-rod");
        EmailDeliveryTest.registerMailbox(mailbox, "sr-Latn", null);
        // nothing listens there: the call stays queued, which is all this test needs
        String webhook = given().auth().oauth2(Tokens.of("nina.admin")).contentType("application/json")
                .body(Map.of("url", "http://localhost:9/hooks", "eventTypes", List.of(EventType.REFERRAL_SENT.value())))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        EventEnvelope sent = event(EventType.REFERRAL_SENT,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "SENT", null, null));
        send(bootstrap, sent);
        await().atMost(PATIENCE).until(() -> total("marko.rod", referralId) == 1);
        long items = rows("select count(*) from inbox_item where event_id = :id", sent.id());
        long emails = rows("select count(*) from email_delivery where event_id = :id", sent.id());
        long calls = rows("select count(*) from webhook_delivery where event_id = :id", sent.id());
        assertTrue(emails >= 1 && calls >= 1, "the event was mailed and queued for the webhook");

        // as after a restore of an old backup: the consumer forgot the event, and the topic is read again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from processed_event where consumer = 'notification-service' and event_id = :id")
                .setParameter("id", sent.id()).executeUpdate());
        EventEnvelope next = event(EventType.REFERRAL_ACKNOWLEDGED,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "ACKNOWLEDGED", "SENT", null));
        send(bootstrap, sent, next);
        await().atMost(PATIENCE).until(() -> total("marko.rod", referralId) == 2);
        assertEquals(1, rows("select count(*) from processed_event where consumer = 'notification-service' and event_id = :id", sent.id()),
                "applied again, as far as the consumer knew");
        assertEquals(items, rows("select count(*) from inbox_item where event_id = :id", sent.id()));
        assertEquals(emails, rows("select count(*) from email_delivery where event_id = :id", sent.id()));
        assertEquals(calls, rows("select count(*) from webhook_delivery where event_id = :id", sent.id()));
        given().auth().oauth2(Tokens.of("nina.admin")).when().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String key = referralId.toString();
        String notJson = "{not json " + key;
        EventEnvelope wrongTypes = EventJson.read("""
                {"specversion": "1.0", "id": "%s", "type": "%s", "source": "/uputnica/referral-service",
                 "subject": "%s", "time": "2026-01-05T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"referralId": "not-a-uuid", "caseId": 42, "toAgency": ["udruzenje-rod"]}}"""
                .formatted(UUID.randomUUID(), EventType.REFERRAL_SENT.value(), key));
        EventEnvelope lacksFields = EventJson.read("""
                {"specversion": "1.0", "id": "%s", "type": "%s", "source": "/uputnica/referral-service",
                 "subject": "%s", "time": "2026-01-05T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"referralId": "%s", "status": "SENT"}}"""
                .formatted(UUID.randomUUID(), EventType.REFERRAL_SENT.value(), key, key));
        EventEnvelope unknownType = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                "org.uputnica.referral.reopened.v1", "/uputnica/referral-service", key, OffsetDateTime.now(),
                EventEnvelope.JSON, EventJson.toData(Map.of("referralId", key)));
        EventEnvelope valid = event(EventType.REFERRAL_SENT,
                referral(referralId, caseId, "csr-kikinda", "udruzenje-rod", "SENT", null, null));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
             ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
            send(bootstrap, key, notJson, EventJson.write(wrongTypes), EventJson.write(lacksFields),
                    EventJson.write(unknownType), EventJson.write(valid));

            await().atMost(PATIENCE).until(() -> total("marko.rod", referralId) == 1);
            await().atMost(PATIENCE).until(() -> parked(dlq, key).size() == 3);

            List<ConsumerRecord<String, String>> parked = parked(dlq, key);
            assertEquals(notJson, parked.get(0).value());
            assertTrue(parked.get(1).value().contains(wrongTypes.id()));
            assertTrue(parked.get(2).value().contains(lacksFields.id()));
            parked.forEach(r -> assertNotNull(r.headers().lastHeader("dead-letter-reason"), "the reason travels along"));
        }
        assertEquals(1, rows("select count(*) from processed_event where consumer = 'notification-service' and event_id = :id", unknownType.id()),
                "an unknown type is skipped but remembered, not parked");
        assertEquals(0, rows("select count(*) from processed_event where consumer = 'notification-service' and event_id = :id", lacksFields.id()),
                "a parked event is not remembered as applied");
        assertEquals(0, rows("select count(*) from inbox_item where event_id = :id", lacksFields.id()));
    }

    /**
     * A referral's whole life in one go: the records come in one or a few batches, each applied in one transaction,
     * and in the order of the records, so the inbox shows the steps in the order they happened.
     */
    @Test
    void aBatchIsAppliedOnceInTheOrderOfItsRecords() {
        ReferralEvents.Data data = ReferralEvents.between("csr-kikinda", "udruzenje-rod");
        List<EventEnvelope> life = List.of(
                data.status("SENT", null).event(EventType.REFERRAL_SENT),
                data.status("ACKNOWLEDGED", "SENT").actedBy("udruzenje-rod").event(EventType.REFERRAL_ACKNOWLEDGED),
                data.status("ACCEPTED", "ACKNOWLEDGED").event(EventType.REFERRAL_ACCEPTED),
                data.status("IN_PROGRESS", "ACCEPTED").event(EventType.REFERRAL_STARTED),
                data.status("ON_HOLD", "IN_PROGRESS").event(EventType.REFERRAL_ON_HOLD),
                data.status("IN_PROGRESS", "ON_HOLD").event(EventType.REFERRAL_STARTED),
                data.status("COMPLETED", "IN_PROGRESS").outcome("GOAL_MET").event(EventType.REFERRAL_COMPLETED));
        send(bootstrap, life.toArray(EventEnvelope[]::new));

        await().atMost(PATIENCE).until(() -> total("ana.csr", data.referralId) == life.size());
        List<String> statuses = inbox("ana.csr", data.referralId).getList("items.status");
        assertEquals(List.of("COMPLETED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "ACCEPTED", "ACKNOWLEDGED", "SENT"),
                statuses, "newest first: applied in the records' order");
        for (EventEnvelope e : life) {
            assertEquals(1, rows("select count(*) from processed_event where consumer = 'notification-service' and event_id = :id", e.id()));
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        ReferralEvents.Data data = ReferralEvents.between("csr-kikinda", "udruzenje-rod");
        EventEnvelope sent = data.status("SENT", null).event(EventType.REFERRAL_SENT);
        EventEnvelope acknowledged = data.status("ACKNOWLEDGED", "SENT").actedBy("udruzenje-rod")
                .event(EventType.REFERRAL_ACKNOWLEDGED);
        EventEnvelope declined = data.status("DECLINED", "ACKNOWLEDGED").reason("NO_CAPACITY")
                .event(EventType.REFERRAL_DECLINED);
        send(bootstrap, sent, acknowledged, declined);
        await().atMost(PATIENCE).until(() -> total("ana.csr", data.referralId) == 3);
        long items = rowsOfReferral("select count(*) from inbox_item where referral_id = :id", data.referralId);
        long emails = rowsOfReferral("""
                select count(*) from email_delivery e join inbox_item i on i.id = e.inbox_item_id
                where i.referral_id = :id""", data.referralId);

        // the whole batch again (a relay that died before its delete, a consumer that died before its commit),
        // then one event more on the same partition: once that is in, the redelivered batch was handled
        EventEnvelope withdrawnLater = ReferralEvents.event(EventType.REFERRAL_WITHDRAWN,
                referral(data.referralId, data.caseId, "csr-kikinda", "udruzenje-rod", "WITHDRAWN", "DECLINED", null));
        send(bootstrap, sent, acknowledged, declined, withdrawnLater);
        await().atMost(PATIENCE).until(() -> total("ana.csr", data.referralId) == 4);
        long newItems = rowsOfReferral("select count(*) from inbox_item where referral_id = :id", data.referralId)
                - items;
        assertEquals(rows("select count(*) from inbox_item where event_id = :id", withdrawnLater.id()), newItems,
                "only the new event made items");
        assertEquals(emails, rowsOfReferral("""
                select count(*) from email_delivery e join inbox_item i on i.id = e.inbox_item_id
                where i.referral_id = :id and i.event_id <> '%s'""".formatted(withdrawnLater.id()), data.referralId),
                "and no e-mail was queued twice");
    }

    /** Only the referral-service publishes referral events: anything else on the topic is parked, never applied. */
    @Test
    void anEventFromAnotherSourceIsParkedAndNotApplied() {
        ReferralEvents.Data data = ReferralEvents.between("csr-kikinda", "udruzenje-rod");
        EventEnvelope genuine = data.event(EventType.REFERRAL_SENT);
        EventEnvelope forged = EventEnvelope.of(EventType.REFERRAL_SENT, "/uputnica/case-service",
                data.referralId.toString(), genuine.time(), genuine.data());
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap);
             ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(deadLetterTopic)) {
            send(bootstrap, forged, genuine);
            await().atMost(PATIENCE).until(() -> total("marko.rod", data.referralId) == 1);
            await().atMost(PATIENCE).until(() -> parked(dlq, data.referralId.toString()).size() == 1);
            assertTrue(parked(dlq, data.referralId.toString()).get(0).value().contains(forged.id()));
        }
        assertEquals(0, rows("select count(*) from inbox_item where event_id = :id", forged.id()));
        assertEquals(0, rows("select count(*) from processed_event where event_id = :id", forged.id()));
    }

    long rowsOfReferral(String sql, UUID referralId) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", referralId).getSingleResult()).longValue();
    }

    static List<ConsumerRecord<String, String>> parked(ConsumerTask<String, String> dlq, String key) {
        return dlq.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
