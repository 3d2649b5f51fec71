package org.uputnica.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseTransferred;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.RecordsLinked;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;
import org.uputnica.notifications.retention.Erasure;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/**
 * The event feed (issue 13) over HTTP, fed from the real topics: an agency reads every event it may see and nothing
 * else, in order, page by page with a stable cursor, and replays from a date; case events (consents, transfers,
 * links) arrive from the case-service's topic, in the feed and on webhooks; retention erases old events.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class EventFeedTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
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

    static String ministryToken;
    static java.time.Instant ministryTokenAt;

    /** The ministry's system (client credentials, integrator of minrzs); one token for the class, not one per page. */
    static RequestSpecification ministry() {
        if (ministryToken == null || ministryTokenAt.isBefore(java.time.Instant.now().minusSeconds(60))) {
            ministryTokenAt = java.time.Instant.now();
            ministryToken = Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                    "minrzs-integration-secret");
        }
        return given().auth().oauth2(ministryToken);
    }

    /** The position at the end of the feed now: a replay from a time no event has reached yet. */
    static String end(Supplier<RequestSpecification> as) {
        return as.get().queryParam("since", "2999-01-01T00:00:00Z").when().get("/api/v1/events")
                .then().statusCode(200).body("events.size()", equalTo(0)).extract().path("next");
    }

    static JsonPath page(Supplier<RequestSpecification> as, String after, int limit) {
        return as.get().queryParam("after", after).queryParam("limit", limit).when().get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every event after {@code after}, page by page ({@code limit} per page): the events' ids in order. */
    static List<String> all(Supplier<RequestSpecification> as, String after, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = page(as, cursor, limit);
            ids.addAll(page.getList("events.event.id"));
            assertTrue(page.getList("events").size() <= limit);
            String next = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return ids;
            }
            cursor = next;
        }
    }

    static List<String> only(List<String> ids, List<EventEnvelope> events) {
        Set<String> wanted = events.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        return ids.stream().filter(wanted::contains).toList();
    }

    static List<String> ids(EventEnvelope... events) {
        return java.util.Arrays.stream(events).map(EventEnvelope::id).toList();
    }

    static EventEnvelope caseEvent(EventType type, UUID caseId, Object data) {
        return EventEnvelope.of(type, Topic.CASE_EVENTS.producer(), caseId.toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), EventJson.toData(data));
    }

    void sendCase(EventEnvelope... events) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(java.util.Arrays.stream(events)
                    .map(e -> EventRecords.of(Topic.CASE_EVENTS, e)).toList()).awaitCompletion(PATIENCE);
        }
    }

    @Test
    void anAgencyReadsItsOwnReferralAndCaseEventsInOrderAndNoOtherAgencys() {
        String ministryStart = end(EventFeedTest::ministry);
        String rodStart = end(() -> as("nina.admin"));
        ReferralEvents.Data toMinistry = between("csr-kikinda", "minrzs");
        EventEnvelope sent = toMinistry.event(EventType.REFERRAL_SENT);
        EventEnvelope acknowledged = toMinistry.status("ACKNOWLEDGED", "SENT").actedBy("minrzs")
                .event(EventType.REFERRAL_ACKNOWLEDGED);
        EventEnvelope accepted = toMinistry.status("ACCEPTED", "ACKNOWLEDGED").event(EventType.REFERRAL_ACCEPTED);
        send(bootstrap, sent, acknowledged, accepted);
        EventEnvelope toRod = between("csr-kikinda", "udruzenje-rod").event(EventType.REFERRAL_SENT);
        send(bootstrap, toRod);
        Actor ana = new Actor("csr-kikinda", UUID.randomUUID().toString());
        UUID caseId = toMinistry.caseId;
        EventEnvelope consent = caseEvent(EventType.CASE_CONSENT_RECORDED, caseId, new ConsentChanged(UUID.randomUUID(),
                caseId, "csr-kikinda", "minrzs", null, List.of("IDENTITY"), null, null, null, ana));
        EventEnvelope transfer = caseEvent(EventType.CASE_TRANSFERRED, caseId,
                new CaseTransferred(caseId, "csr-kikinda", "csr-bijeljina", UUID.randomUUID(), ana));
        EventEnvelope link = caseEvent(EventType.CASE_RECORDS_LINKED, caseId, new RecordsLinked(UUID.randomUUID(),
                caseId, "csr-kikinda", UUID.randomUUID(), "udruzenje-rod", ana));
        sendCase(consent, transfer, link);

        List<EventEnvelope> mine = List.of(sent, acknowledged, accepted, consent);
        List<EventEnvelope> everything = List.of(sent, acknowledged, accepted, toRod, consent, transfer, link);
        await().atMost(PATIENCE).until(() -> only(all(EventFeedTest::ministry, ministryStart, 1000), mine).size() == 4);
        List<String> ministrySees = only(all(EventFeedTest::ministry, ministryStart, 1000), everything);
        assertEquals(ids(sent, acknowledged, accepted), only(ministrySees, List.of(sent, acknowledged, accepted)),
                "a referral's events in their order (the two topics' events interleave as they arrive)");
        assertEquals(Set.copyOf(ids(sent, acknowledged, accepted, consent)), Set.copyOf(ministrySees),
                "the consent naming it (from the case topic), not another agency's referral, transfer or link");

        await().atMost(PATIENCE).until(() -> only(all(() -> as("nina.admin"), rodStart, 1000), everything).size() == 2);
        assertEquals(Set.copyOf(ids(toRod, link)), Set.copyOf(only(all(() -> as("nina.admin"), rodStart, 1000), everything)),
                "udruzenje-rod: its referral and the link to its record, nothing of the ministry's");

        JsonPath first = page(EventFeedTest::ministry, ministryStart, 1000);
        JsonNode event = JSON.valueToTree(first.getList("events.event").stream()
                .filter(e -> ((Map<?, ?>) e).get("id").equals(sent.id())).findFirst().orElseThrow());
        assertEquals(EventType.REFERRAL_SENT.value(), event.get("type").asText(), "the CloudEvent as published");
        assertEquals("/uputnica/referral-service", event.get("source").asText());
        assertEquals("minrzs", event.get("data").get("toAgency").asText());
        assertEquals(sent.time().toInstant(), OffsetDateTime.parse(event.get("time").asText()).toInstant());
    }

    @Test
    void theCursorPagesStablyAndARereadGivesTheSamePage() {
        String start = end(EventFeedTest::ministry);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ReferralEvents.Data referral = between("minrzs", "csr-kikinda");
            EventEnvelope sent = referral.event(EventType.REFERRAL_SENT);
            EventEnvelope withdrawn = referral.status("WITHDRAWN", "SENT").event(EventType.REFERRAL_WITHDRAWN);
            send(bootstrap, sent, withdrawn);
            events.add(sent);
            events.add(withdrawn);
        }
        await().atMost(PATIENCE).until(() -> only(all(EventFeedTest::ministry, start, 1000), events).size() == 10);

        List<String> atOnce = all(EventFeedTest::ministry, start, 1000);
        assertEquals(atOnce, all(EventFeedTest::ministry, start, 1), "one by one: the same events in the same order");
        assertEquals(atOnce, all(EventFeedTest::ministry, start, 3), "three at a time: the same");
        JsonPath two = page(EventFeedTest::ministry, start, 2);
        assertEquals(two.getList("events"), page(EventFeedTest::ministry, start, 2).getList("events"), "a re-read changes nothing");
        assertTrue(two.getBoolean("hasMore"));
        assertEquals(two.getString("events[1].cursor"), two.getString("next"), "next is the last event's cursor");
        assertEquals(atOnce.subList(2, atOnce.size()), all(EventFeedTest::ministry, two.getString("next"), 1000),
                "reading on from next continues right after the page");
        assertEquals(atOnce.subList(1, atOnce.size()), all(EventFeedTest::ministry, two.getString("events[0].cursor"), 1000),
                "each event's cursor continues right after it");
        for (EventEnvelope withdrawn : events.subList(0, 10)) {
            if (withdrawn.type().equals(EventType.REFERRAL_WITHDRAWN.value())) {
                String sentId = events.get(events.indexOf(withdrawn) - 1).id();
                assertTrue(atOnce.indexOf(sentId) < atOnce.indexOf(withdrawn.id()), "sent before withdrawn");
            }
        }

        JsonPath empty = page(EventFeedTest::ministry, end(EventFeedTest::ministry), 10);
        assertEquals(List.of(), empty.getList("events"));
        assertFalse(empty.getBoolean("hasMore"));
        assertEquals(end(EventFeedTest::ministry), empty.getString("next"), "an empty page: poll again from the same position");
    }

    @Test
    void anIntegratorReplaysFromADateAndReadsOnFromThere() {
        // the future, so that no other test's event matches: events of the real present would come first
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MILLIS);
        ReferralEvents.Data before = between("csr-kikinda", "minrzs");
        EventEnvelope early = before.eventAt(EventType.REFERRAL_SENT, soon);
        String start = end(EventFeedTest::ministry);
        send(bootstrap, early);
        await().atMost(PATIENCE).until(() -> all(EventFeedTest::ministry, start, 1000).contains(early.id()));
        ReferralEvents.Data after = between("csr-kikinda", "minrzs");
        EventEnvelope late = after.eventAt(EventType.REFERRAL_SENT, soon.plusDays(10));
        EventEnvelope later = after.status("ACKNOWLEDGED", "SENT").actedBy("minrzs")
                .eventAt(EventType.REFERRAL_ACKNOWLEDGED, soon.plusDays(11));
        send(bootstrap, late, later);
        await().atMost(PATIENCE).until(() -> all(EventFeedTest::ministry, start, 1000).contains(later.id()));

        JsonPath replay = ministry().queryParam("since", soon.plusDays(5).toString()).queryParam("limit", 1)
                .when().get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(late.id()), replay.getList("events.event.id"), "from the first event at or after the date");
        assertTrue(replay.getBoolean("hasMore"));
        assertEquals(List.of(later.id()), all(EventFeedTest::ministry, replay.getString("next"), 1000).stream()
                .filter(ids(early, late, later)::contains).toList(), "and on with its cursor");
        JsonPath whole = ministry().queryParam("since", soon.minusDays(1).toString()).when().get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(early.id(), whole.getString("events[0].event.id"), "from the first event at or after the date");
        assertEquals(ids(early, late, later), only(whole.getList("events.event.id"), List.of(early, late, later)));
    }

    @Test
    void aWebhookMaySubscribeToConsentTransferAndLinkEventsOfItsAgency() {
        String path = "/feed-case-events";
        String webhook = ministry().contentType("application/json").body(Map.of("url", receiver.url(path),
                        "eventTypes", List.of(EventType.CASE_CONSENT_WITHDRAWN.value(), EventType.CASE_TRANSFERRED.value())))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            UUID caseId = UUID.randomUUID();
            Actor actor = new Actor("csr-kikinda", UUID.randomUUID().toString());
            EventEnvelope withdrawn = caseEvent(EventType.CASE_CONSENT_WITHDRAWN, caseId, new ConsentChanged(
                    UUID.randomUUID(), caseId, "csr-kikinda", "minrzs", null, List.of("IDENTITY"), null, null,
                    OffsetDateTime.now(ZoneOffset.UTC), actor));
            EventEnvelope notOurs = caseEvent(EventType.CASE_TRANSFERRED, caseId,
                    new CaseTransferred(caseId, "csr-kikinda", "csr-bijeljina", UUID.randomUUID(), actor));
            EventEnvelope ours = caseEvent(EventType.CASE_TRANSFERRED, caseId,
                    new CaseTransferred(caseId, "csr-bijeljina", "minrzs", UUID.randomUUID(), actor));
            sendCase(withdrawn, notOurs, ours);
            await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 2);
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> receiver.at(path).size() == 2);
            assertEquals(Set.of(withdrawn.id(), ours.id()), receiver.at(path).stream()
                    .map(r -> json(r.body()).get("id").asText()).collect(Collectors.toSet()),
                    "the events the ministry's feed shows, of the types asked for");
        } finally {
            ministry().when().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }

    @Test
    void badParametersAre400sNamingThemAndOtherRolesAreRefused() {
        Map<String, String> bad = Map.of("limit", "0", "after", "not-a-cursor", "since", "yesterday");
        bad.forEach((name, value) -> ministry().queryParam(name, value).when().get("/api/v1/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:uputnica:problem:validation")).body("errors[0].field", equalTo(name)));
        for (String limit : List.of("1001", "-1", "ten", "1.5")) {
            ministry().queryParam("limit", limit).when().get("/api/v1/events").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        ministry().queryParam("after", end(EventFeedTest::ministry)).queryParam("since", "2026-12-01T00:00:00Z")
                .when().get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("since"));
        ministry().queryParam("limit", "1000").when().get("/api/v1/events").then().statusCode(200);
        as("ana.csr").when().get("/api/v1/events").then().statusCode(403)
                .body("type", equalTo("urn:uputnica:problem:forbidden"));
        given().when().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void eventsAreErasedAfterTheRetentionPeriodAndACursorFromBeforeThemExpires() {
        ReferralEvents.Data referral = between("csr-kikinda", "minrzs");
        EventEnvelope old = referral.event(EventType.REFERRAL_SENT);
        String start = end(EventFeedTest::ministry);
        send(bootstrap, old);
        await().atMost(PATIENCE).until(() -> all(EventFeedTest::ministry, start, 1000).contains(old.id()));

        clock.advance(Duration.ofDays(89));
        erasure.eraseExpired();
        assertTrue(all(EventFeedTest::ministry, start, 1000).contains(old.id()), "kept for 90 days");

        clock.advance(Duration.ofDays(2));
        assertTrue(erasure.eraseExpired().feedEvents() >= 1);
        ministry().queryParam("after", start).when().get("/api/v1/events").then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:uputnica:problem:cursor-expired"));
        assertFalse(ministry().when().get("/api/v1/events").then().statusCode(200).extract().jsonPath()
                .getList("events.event.id").contains(old.id()), "from the oldest kept: it is gone");
        String now = end(EventFeedTest::ministry);
        ministry().queryParam("after", now).when().get("/api/v1/events").then().statusCode(200);
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
