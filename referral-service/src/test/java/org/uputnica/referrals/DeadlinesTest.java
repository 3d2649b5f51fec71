package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;
import org.uputnica.referrals.deadline.DeadlineScanner;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.send;

/**
 * Deadlines over HTTP with real tokens, fired by {@link DeadlineScanner#scan()} after moving the {@link MutableClock}:
 * no test sleeps or waits for real time (only for Kafka, with Awaitility).
 * <p>
 * Referrals from csr-kikinda (ana.csr) to iom-serbia (ivana.iom) for LEGAL_AID are governed by the national default
 * (URGENT: acknowledge 72h, respond 5 days, first contact 7 days, escalation 72h after); to udruzenje-rod (marko.rod)
 * for PSYCHOSOCIAL_SUPPORT by the Kikinda protocol (URGENT: 48h, 72h, 5 days, escalation 48h after). Both agencies
 * are members of the Kikinda working group, coordinated by jelena.coordinator.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class DeadlinesTest extends WithKafka {

    @Inject
    MutableClock clock;

    @Inject
    DeadlineScanner scanner;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String body(UUID caseId, String toAgency, String service, String urgency) {
        return """
                {"caseId": "%s", "toAgency": "%s", "service": "%s", "urgency": "%s", "reason": "deadline test",
                 %s}""".formatted(caseId, toAgency, service, urgency,
                TestReferrals.consentTo(caseId, toAgency));
    }

    static Map<String, Object> referral(String id) {
        return given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    static Map<String, Map<String, Object>> deadlines(String id) {
        List<Map<String, Object>> list = given().auth().oauth2(Tokens.of("ana.csr"))
                .when().get("/api/v1/referrals/" + id + "/deadlines")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
        list.forEach(d -> byKind.put((String) d.get("kind"), d));
        assertEquals(list.size(), byKind.size(), "one deadline per kind: " + list);
        return byKind;
    }

    static List<Map<String, Object>> history(String id) {
        return given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    /** History entries the deadlines wrote: overdue (no status change) or escalated, for one deadline kind. */
    static List<Map<String, Object>> deadlineEntries(String id, String kind, String toStatus) {
        return history(id).stream()
                .filter(h -> kind.equals(h.get("reasonCode")) && "uputnica".equals(h.get("actor"))
                        && toStatus.equals(h.get("toStatus")))
                .toList();
    }

    static Instant at(Object timestamp) {
        return OffsetDateTime.parse((String) timestamp).toInstant();
    }

    static List<Map<String, Object>> overdueList(String user, String group) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var json = given().auth().oauth2(Tokens.of(user))
                    .when().get("/api/v1/working-groups/" + group + "/overdue?size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            all.addAll(items);
            if (all.size() >= json.getLong("total") || items.isEmpty()) {
                return all;
            }
        }
    }

    private void assertDeadline(Map<String, Object> deadline, Instant from, Duration within, Duration escalateAfter) {
        assertEquals("PENDING", deadline.get("state"), deadline.toString());
        assertEquals(from.plus(within), at(deadline.get("dueAt")), deadline.toString());
        assertEquals(from.plus(within).plus(escalateAfter), at(deadline.get("escalateAt")), deadline.toString());
    }

    @Test
    void eachUrgencyGetsTheDeadlinesOfTheProtocolThatGovernsTheReferral() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        record Expected(String urgency, String protocol, Duration acknowledge, Duration respond, Duration escalate) {
        }
        List<Expected> cases = List.of(
                // the national default: the inter-agency form's priorities
                new Expected("EMERGENCY", "national-default", Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(24)),
                new Expected("URGENT", "national-default", Duration.ofHours(72), Duration.ofDays(5), Duration.ofHours(72)),
                new Expected("ROUTINE", "national-default", Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(14)),
                // the Kikinda protocol's own, tighter deadlines
                new Expected("EMERGENCY", "kikinda-children-begging", Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(12)),
                new Expected("URGENT", "kikinda-children-begging", Duration.ofHours(48), Duration.ofHours(72), Duration.ofHours(48)),
                new Expected("ROUTINE", "kikinda-children-begging", Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(7)));
        for (Expected e : cases) {
            boolean local = e.protocol().equals("kikinda-children-begging");
            String id = send("ana.csr", body(caseId, local ? "udruzenje-rod" : "iom-serbia",
                    local ? "PSYCHOSOCIAL_SUPPORT" : "LEGAL_AID", e.urgency()));
            Map<String, Object> r = referral(id);
            assertEquals(e.protocol(), r.get("protocolCode"), e.toString());
            assertEquals(1, r.get("protocolVersion"), e.toString());
            Instant sentAt = at(r.get("sentAt"));
            Map<String, Map<String, Object>> d = deadlines(id);
            assertEquals(2, d.size(), "acknowledge and respond start when sent: " + d);
            assertDeadline(d.get("ACKNOWLEDGE"), sentAt, e.acknowledge(), e.escalate());
            assertDeadline(d.get("RESPOND"), sentAt, e.respond(), e.escalate());
            assertEquals(e.protocol(), d.get("ACKNOWLEDGE").get("protocolCode"));
        }
    }

    @Test
    void acknowledgingInTimeMeetsTheDeadlineAndNothingFires() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String id = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT"));

        clock.advance(Duration.ofHours(71));
        action("ivana.iom", id, "acknowledge", null).statusCode(200);
        Map<String, Object> acknowledge = deadlines(id).get("ACKNOWLEDGE");
        assertEquals("MET", acknowledge.get("state"));
        assertEquals(at(history(id).stream().filter(h -> "ACKNOWLEDGED".equals(h.get("toStatus"))).findFirst()
                .orElseThrow().get("at")), at(acknowledge.get("metAt")), "met at the moment of the change");
        assertNull(acknowledge.get("late"));

        clock.advance(Duration.ofHours(2)); // past the acknowledge deadline, before the answer is due
        scanner.scan();
        scanner.scan();
        assertEquals(List.of(), deadlineEntries(id, "ACKNOWLEDGE", "ACKNOWLEDGED"));
        assertEquals(List.of(), deadlineEntries(id, "ACKNOWLEDGE", "SENT"));
        Map<String, Map<String, Object>> d = deadlines(id);
        assertEquals("MET", d.get("ACKNOWLEDGE").get("state"));
        assertEquals("PENDING", d.get("RESPOND").get("state"));
        assertEquals("ACKNOWLEDGED", referral(id).get("status"));
    }

    @Test
    void anUnansweredReferralGoesOverdueOnceThenEscalatesAndTheCoordinatorActsOnIt() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        // on a legal basis (a supervisor), so that the coordinator may forward it: a consent names one receiver
        String id = send("milica.supervisor", body(caseId, "udruzenje-rod", "PSYCHOSOCIAL_SUPPORT", "URGENT")
                .replace(TestReferrals.consentTo(caseId, "udruzenje-rod"), TestReferrals.LEGAL_BASIS));

        clock.advance(Duration.ofHours(49)); // acknowledge was due at 48h
        scanner.scan();
        scanner.scan(); // a second scan (or instance) must not tell anyone again
        Map<String, Map<String, Object>> d = deadlines(id);
        assertEquals("OVERDUE", d.get("ACKNOWLEDGE").get("state"));
        assertNotNull(d.get("ACKNOWLEDGE").get("overdueAt"));
        assertEquals("PT1H", d.get("ACKNOWLEDGE").get("late"));
        assertEquals("PENDING", d.get("RESPOND").get("state"));
        assertEquals("SENT", referral(id).get("status"), "overdue is not a status: the referral still waits");
        List<Map<String, Object>> overdue = deadlineEntries(id, "ACKNOWLEDGE", "SENT");
        assertEquals(1, overdue.size(), "overdue exactly once: " + history(id));
        assertEquals("SENT", overdue.get(0).get("fromStatus"));
        assertEquals("acknowledge deadline passed", overdue.get(0).get("note"));

        Map<String, Object> late = overdueList("jelena.coordinator", "kikinda-child-protection").stream()
                .filter(i -> id.equals(i.get("referralId"))).findFirst().orElseThrow();
        assertEquals("ACKNOWLEDGE", late.get("deadline"));
        assertEquals("OVERDUE", late.get("state"));
        assertEquals("PT1H", late.get("late"));
        assertEquals(d.get("ACKNOWLEDGE").get("dueAt"), late.get("dueAt"));
        assertEquals("kikinda-children-begging", late.get("protocolCode"));

        clock.advance(Duration.ofHours(48)); // now 97h: acknowledge escalates at 96h; respond was due at 72h
        scanner.scan();
        d = deadlines(id);
        assertEquals("ESCALATED", d.get("ACKNOWLEDGE").get("state"));
        assertEquals("OVERDUE", d.get("RESPOND").get("state"));
        assertEquals("ESCALATED", referral(id).get("status"));
        List<Map<String, Object>> escalated = deadlineEntries(id, "ACKNOWLEDGE", "ESCALATED");
        assertEquals(1, escalated.size(), history(id).toString());
        assertEquals("SENT", escalated.get(0).get("fromStatus"));

        // On Kafka: the escalation came after both overdue events (one key, one partition, in order); each once.
        await().atMost(Duration.ofSeconds(30)).until(() -> events(events, id, EventType.REFERRAL_ESCALATED).size() == 1);
        List<EventEnvelope> overdueEvents = events(events, id, EventType.REFERRAL_OVERDUE);
        assertEquals(List.of("ACKNOWLEDGE", "RESPOND"),
                overdueEvents.stream().map(e -> e.data().get("deadline").asText()).toList());
        assertEquals("kikinda-child-protection", overdueEvents.get(0).data().get("workingGroup").asText());
        assertEquals("ACKNOWLEDGE", events(events, id, EventType.REFERRAL_ESCALATED).get(0).data().get("deadline").asText());
        events.stop();

        List<Map<String, Object>> list = overdueList("jelena.coordinator", "kikinda-child-protection");
        assertEquals(2, list.stream().filter(i -> id.equals(i.get("referralId"))).count(), "both late deadlines");
        List<Instant> dues = list.stream().map(i -> at(i.get("dueAt"))).toList();
        assertEquals(dues.stream().sorted().toList(), dues, "oldest first");

        // the coordinator takes it up: forwards it to an agency that can answer
        String next = action("jelena.coordinator", id, "forward",
                "{\"toAgency\": \"iom-serbia\", \"reason\": \"ROD did not answer; IOM has capacity\"}")
                .statusCode(200).body("status", equalTo("FORWARDED")).extract().path("forwardedTo");
        d = deadlines(id);
        assertEquals("CANCELLED", d.get("ACKNOWLEDGE").get("state"));
        assertEquals("CANCELLED", d.get("RESPOND").get("state"));
        assertFalse(overdueList("jelena.coordinator", "kikinda-child-protection").stream()
                .anyMatch(i -> id.equals(i.get("referralId"))), "a forwarded referral owes nothing any more");
        Map<String, Map<String, Object>> fresh = deadlines(next);
        assertEquals("PENDING", fresh.get("ACKNOWLEDGE").get("state"));
        assertTrue(at(fresh.get("ACKNOWLEDGE").get("dueAt")).isAfter(clock.instant()), "the new receiver's clock starts now");
    }

    @Test
    void acceptingStartsFirstContactWhichStartingMeetsAndWhichEscalatesWithoutChangingTheStatus() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String onTime = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT"));
        action("ivana.iom", onTime, "accept", null).statusCode(200);
        Map<String, Map<String, Object>> d = deadlines(onTime);
        assertEquals("MET", d.get("ACKNOWLEDGE").get("state"), "an answer is also an acknowledgement");
        assertEquals("MET", d.get("RESPOND").get("state"));
        Instant acceptedAt = history(onTime).stream().filter(h -> "ACCEPTED".equals(h.get("toStatus")))
                .map(h -> at(h.get("at"))).findFirst().orElseThrow();
        assertDeadline(d.get("FIRST_CONTACT"), acceptedAt, Duration.ofDays(7), Duration.ofHours(72));
        action("ivana.iom", onTime, "start", null).statusCode(200);
        assertEquals("MET", deadlines(onTime).get("FIRST_CONTACT").get("state"));

        String late = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT"));
        action("ivana.iom", late, "accept", null).statusCode(200);
        clock.advance(Duration.ofDays(7).plusHours(1));
        scanner.scan();
        assertEquals("OVERDUE", deadlines(late).get("FIRST_CONTACT").get("state"));
        assertEquals(1, deadlineEntries(late, "FIRST_CONTACT", "ACCEPTED").size());
        clock.advance(Duration.ofHours(72));
        scanner.scan();
        assertEquals("ESCALATED", deadlines(late).get("FIRST_CONTACT").get("state"));
        assertEquals("ACCEPTED", referral(late).get("status"), "an accepted referral cannot go back to escalated");
        assertTrue(overdueList("jelena.coordinator", "kikinda-child-protection").stream()
                .anyMatch(i -> late.equals(i.get("referralId")) && "FIRST_CONTACT".equals(i.get("deadline"))));

        action("ivana.iom", late, "start", null).statusCode(200);
        Map<String, Object> met = deadlines(late).get("FIRST_CONTACT");
        assertEquals("MET", met.get("state"));
        assertEquals("PT73H", met.get("late"), "met late: how late is kept");
    }

    @Test
    void decliningMeetsTheAnswerDeadlinesAndWithdrawingCancelsThem() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String declined = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "ROUTINE"));
        action("ivana.iom", declined, "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"full\"}")
                .statusCode(200);
        Map<String, Map<String, Object>> d = deadlines(declined);
        assertEquals("MET", d.get("ACKNOWLEDGE").get("state"));
        assertEquals("MET", d.get("RESPOND").get("state"));
        assertFalse(d.containsKey("FIRST_CONTACT"));

        String withdrawn = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "ROUTINE"));
        action("ana.csr", withdrawn, "withdraw", "{\"reason\": \"family moved away\"}").statusCode(200);
        d = deadlines(withdrawn);
        assertEquals("CANCELLED", d.get("ACKNOWLEDGE").get("state"));
        assertEquals("CANCELLED", d.get("RESPOND").get("state"));
        assertNotNull(d.get("RESPOND").get("cancelledAt"));

        clock.advance(Duration.ofDays(40)); // far past every deadline and escalation
        scanner.scan();
        assertEquals("CANCELLED", deadlines(withdrawn).get("ACKNOWLEDGE").get("state"));
        assertTrue(history(withdrawn).stream().noneMatch(h -> "uputnica".equals(h.get("actor"))),
                "nothing fires for a withdrawn referral: " + history(withdrawn));
        assertEquals("WITHDRAWN", referral(withdrawn).get("status"));
    }

    @Test
    void twoScansAtOnceFireEachDeadlineOnce() throws Exception {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT")));
        }
        clock.advance(Duration.ofHours(73)); // acknowledge was due at 72h; nothing else is due yet

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<DeadlineScanner.ScanResult>> scans = List.of(
                CompletableFuture.supplyAsync(() -> scanAfter(start), pool),
                CompletableFuture.supplyAsync(() -> scanAfter(start), pool));
        start.countDown();
        int fired = 0;
        for (CompletableFuture<DeadlineScanner.ScanResult> scan : scans) {
            fired += scan.get().overdue();
        }
        pool.shutdown();
        assertTrue(fired >= ids.size(), "the two scans fired " + fired);

        List<UUID> referralIds = ids.stream().map(UUID::fromString).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select cast(referral_id as varchar), count(*) from referral_history
                        where referral_id in (:ids) and reason_code = 'ACKNOWLEDGE' group by referral_id""")
                .setParameter("ids", referralIds).getResultList());
        assertEquals(ids.size(), counts.size(), "every referral went overdue");
        counts.forEach(row -> assertEquals(1L, ((Number) row[1]).longValue(), "overdue once: " + row[0]));
        @SuppressWarnings("unchecked")
        List<String> states = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select state from referral_deadline where referral_id in (:ids) and kind = 'ACKNOWLEDGE'")
                .setParameter("ids", referralIds).getResultList());
        assertEquals(ids.size(), states.size());
        assertTrue(states.stream().allMatch("OVERDUE"::equals), states.toString());
    }

    @Test
    void aDeadlineThatCannotFireDoesNotHoldTheOthersBackAndFiresAtTheNextScan() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String poisoned = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT"));
        String healthy = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "URGENT"));
        // A real database failure for one referral: its history cannot be written, so its overdue cannot commit.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("create function test_refuse_history() returns trigger language plpgsql as "
                    + "'begin raise exception ''refused for the test''; end'").executeUpdate();
            em.createNativeQuery("create trigger test_refuse_history before insert on referral_history for each row "
                    + "when (new.referral_id = '" + poisoned + "') execute function test_refuse_history()")
                    .executeUpdate();
        });
        try {
            clock.advance(Duration.ofHours(73));
            scanner.scan();
            assertEquals("PENDING", deadlines(poisoned).get("ACKNOWLEDGE").get("state"));
            assertEquals("OVERDUE", deadlines(healthy).get("ACKNOWLEDGE").get("state"), "the others fire");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("drop trigger test_refuse_history on referral_history").executeUpdate();
                em.createNativeQuery("drop function test_refuse_history()").executeUpdate();
            });
        }
        scanner.scan();
        assertEquals("OVERDUE", deadlines(poisoned).get("ACKNOWLEDGE").get("state"), "and it fires at the next scan");
        assertEquals(1, deadlineEntries(poisoned, "ACKNOWLEDGE", "SENT").size());
        assertEquals(1, deadlineEntries(healthy, "ACKNOWLEDGE", "SENT").size());
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("uputnica_deadlines_fired_total"));
    }

    private DeadlineScanner.ScanResult scanAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return scanner.scan();
    }

    @Test
    void theOverdueListIsForTheGroupsCoordinatorAndDeadlinesForTheReferralsParties() {
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/working-groups/kikinda-child-protection/overdue")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("mirza.coordinator"))
                .when().get("/api/v1/working-groups/kikinda-child-protection/overdue")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-coordinator"));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/working-groups/nowhere/overdue")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("jelena.coordinator"))
                .when().get("/api/v1/working-groups/kikinda-child-protection/overdue?size=0")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().when().get("/api/v1/working-groups/kikinda-child-protection/overdue").then().statusCode(401);
        // the working group itself is still served by its own resource
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/working-groups/kikinda-child-protection")
                .then().statusCode(200).body("code", equalTo("kikinda-child-protection"));

        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String id = send("ana.csr", body(caseId, "iom-serbia", "LEGAL_AID", "ROUTINE"));
        given().auth().oauth2(Tokens.of("ivana.iom")).when().get("/api/v1/referrals/" + id + "/deadlines")
                .then().statusCode(200).body("size()", equalTo(2));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/referrals/" + id + "/deadlines")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("senad.csr")).when().get("/api/v1/referrals/" + id + "/deadlines")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-a-party"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + UUID.randomUUID() + "/deadlines")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/referrals/" + id + "/deadlines").then().statusCode(401);
        // and the referral's other sub-resources are still those of the referral resource
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id + "/history")
                .then().statusCode(200);
    }

    @Test
    void aDraftHasNoDeadlinesUntilItIsSent() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String id = given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(body(caseId, "iom-serbia", "LEGAL_AID", "EMERGENCY").replace("\"reason\"", "\"draft\": true, \"reason\""))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        assertTrue(deadlines(id).isEmpty());
        assertNull(referral(id).get("protocolCode"));
        clock.advance(Duration.ofDays(3)); // a draft kept for days: its deadlines start when it is sent
        action("ana.csr", id, "send", null).statusCode(200);
        Instant sentAt = at(referral(id).get("sentAt"));
        assertDeadline(deadlines(id).get("ACKNOWLEDGE"), sentAt, Duration.ofHours(24), Duration.ofHours(24));
    }

    @Test
    void theScannerRunsOnATimerThatTheConfigurationSets() {
        assertNotNull(scheduler.getScheduledJob("deadline-scan"), "the scan is scheduled (every 1h in tests)");
    }

    /**
     * The distinct events of one type for one key, in topic order. Distinct by CloudEvents id: the outbox relay may
     * deliver a row twice (at least once), and consumers count an event id once, so that is what "once" means here.
     */
    private static List<EventEnvelope> events(ConsumerTask<String, String> task, String key, EventType type) {
        Map<String, EventEnvelope> byId = new java.util.LinkedHashMap<>();
        task.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals(type.value()))
                .forEach(e -> byId.putIfAbsent(e.id(), e));
        return List.copyOf(byId.values());
    }
}
