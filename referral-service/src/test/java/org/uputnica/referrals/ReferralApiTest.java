package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.junit.jupiter.api.Test;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.referral;
import static org.uputnica.referrals.TestReferrals.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class ReferralApiTest extends WithKafka {
    UUID caseOwnedBy(String agency) {
        return TestReferrals.caseOwnedBy(kafka, em, agency);
    }

    long reads(String referralId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from referral_access where referral_ids like :id")
                .setParameter("id", "%" + referralId + "%").getSingleResult()).longValue());
    }

    String ownerInProjection(UUID caseId) {
        return TestReferrals.ownerInProjection(em, caseId);
    }

    @Test
    void theETagOfACreatedReferralIsItsStoredVersionSoTheNextActionMayUseIt() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        var created = given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referral(caseId, "udruzenje-rod"))
                .when().post("/api/v1/referrals")
                .then().statusCode(201).extract();
        String etag = created.header("ETag");
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + created.path("id"))
                .then().statusCode(200).header("ETag", equalTo(etag));
        given().auth().oauth2(Tokens.of("marko.rod")).header("If-Match", etag)
                .when().post("/api/v1/referrals/" + created.path("id") + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void theOwnerSendsTheReceiverAcceptsAndEveryChangeIsAnEventAndHistory() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        UUID caseId = caseOwnedBy("csr-kikinda");

        String id = given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referral(caseId, "udruzenje-rod"))
                .when().post("/api/v1/referrals")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("SENT"))
                .body("fromAgency", equalTo("csr-kikinda"))
                .extract().path("id");

        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("SENT")).body("reason", notNullValue());
        given().auth().oauth2(Tokens.of("ivana.iom")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-a-party"));

        action("ana.csr", id, "accept", null).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:wrong-party"));
        action("ivana.iom", id, "accept", null).statusCode(403).contentType(PROBLEM);

        action("marko.rod", id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(Tokens.of("marko.rod")).header("If-Match", "\"0\"")
                .when().post("/api/v1/referrals/" + id + "/accept")
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:stale-version"));
        action("marko.rod", id, "accept", "{\"note\": \"First session on Monday\"}")
                .statusCode(200).body("status", equalTo("ACCEPTED"));

        action("marko.rod", id, "accept", null).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:illegal-transition"));
        action("marko.rod", id, "decline", "{\"reason\": \"changed my mind\"}").statusCode(409);

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        long readsBefore = reads(id);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("toStatus", contains("SENT", "ACKNOWLEDGED", "ACCEPTED"))
                .body("actorAgency", contains("csr-kikinda", "udruzenje-rod", "udruzenje-rod"));
        assertEquals(readsBefore + 1, reads(id), "every read of a referral is recorded");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                events.getRecords().stream().filter(r -> id.equals(r.key())).count() == 3);
        var types = events.getRecords().stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value()).type()).toList();
        assertEquals(java.util.List.of(EventType.REFERRAL_SENT.value(), EventType.REFERRAL_ACKNOWLEDGED.value(),
                EventType.REFERRAL_ACCEPTED.value()), types);
        events.getRecords().stream().filter(r -> id.equals(r.key())).forEach(r ->
                assertFalse(r.value().contains("podršku"), "the free-text reason never travels in an event"));
        events.stop();
    }

    @Test
    void aDeclineNeedsAReasonAndEndsTheReferral() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        String id = send("ana.csr", referral(caseId, "iom-serbia"));

        action("ivana.iom", id, "decline", "{}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("reason"));
        action("ivana.iom", id, "decline", null).statusCode(400).contentType(PROBLEM);
        action("ivana.iom", id, "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"No places\"}")
                .statusCode(200).body("status", equalTo("DECLINED")).body("declineCode", equalTo("NO_CAPACITY"));
        action("ivana.iom", id, "accept", null).statusCode(409);
        action("ivana.iom", id, "decline", "{\"reason\": \"again\"}").statusCode(409);

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("declineNote", equalTo("No places"));
    }

    @Test
    void noPersonalDataLeavesWithoutConsentOrALegalBasisApprovedByASupervisor() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        String withoutSharing = """
                {"caseId": "%s", "toAgency": "kirs", "service": "SHELTER", "urgency": "URGENT", "reason": "x"}"""
                .formatted(caseId);
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(withoutSharing)
                .when().post("/api/v1/referrals")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:no-sharing-basis"));

        String consentWithoutRecord = withoutSharing.replace("\"reason\": \"x\"", """
                "reason": "x", "sharing": {"basis": "CONSENT", "data": ["IDENTITY"]}""");
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(consentWithoutRecord)
                .when().post("/api/v1/referrals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:consent-record-required"));

        String legalBasis = withoutSharing.replace("\"reason\": \"x\"", """
                "reason": "x", "sharing": {"basis": "LEGAL_BASIS", "legalBasis": "urgent protection of a child",
                 "data": ["IDENTITY", "LANGUAGE"]}""");
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(legalBasis)
                .when().post("/api/v1/referrals")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:supervisor-approval-required"));
        given().auth().oauth2(Tokens.of("milica.supervisor")).contentType(ContentType.JSON).body(legalBasis)
                .when().post("/api/v1/referrals")
                .then().statusCode(201)
                .body("sharing.basis", equalTo("LEGAL_BASIS"))
                .body("sharing.data", org.hamcrest.Matchers.containsInAnyOrder("IDENTITY", "LANGUAGE"));

        // a draft may wait for its basis; sending it without one is refused, with one it goes
        String draftId = given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(withoutSharing.replace("\"reason\": \"x\"", "\"reason\": \"x\", \"draft\": true"))
                .when().post("/api/v1/referrals")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        given().auth().oauth2(Tokens.of("dragan.kirs")).when().get("/api/v1/referrals/" + draftId)
                .then().statusCode(403);
        action("ana.csr", draftId, "send", null).statusCode(409).body("type", equalTo("urn:uputnica:problem:no-sharing-basis"));
        action("ana.csr", draftId, "send", "{" + TestReferrals.consentTo(caseId, "kirs") + "}")
                .statusCode(200).body("status", equalTo("SENT"));
        given().auth().oauth2(Tokens.of("dragan.kirs")).when().get("/api/v1/referrals/" + draftId)
                .then().statusCode(200);
    }

    @Test
    void onlyTheOwnerAgencyMayReferACase() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        given().auth().oauth2(Tokens.of("marko.rod")).contentType(ContentType.JSON).body(referral(caseId, "iom-serbia"))
                .when().post("/api/v1/referrals")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:case-not-owned"));

        // the owner check comes first: another agency learns nothing of what is wrong with its input
        given().auth().oauth2(Tokens.of("marko.rod")).contentType(ContentType.JSON).body(referral(caseId, "udruzenje-rod"))
                .when().post("/api/v1/referrals")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:case-not-owned"));
    }

    @Test
    void listsShowTheAgencysIncomingAndOutgoingReferrals() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        String id = send("ana.csr", referral(caseId, "udruzenje-rod"));
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals?direction=INCOMING")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?direction=OUTGOING&status=SENT")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?direction=INCOMING")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?size=1000")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?direction=SIDEWAYS")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("direction"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?status=LOST")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(referral(caseId, "nowhere"))
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("toAgency"));
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(referral(caseId, "csr-kikinda"))
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("toAgency"));
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referral(caseId, "kirs").replace("URGENT", "WHENEVER"))
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("urgency"));
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body("{\"toAgency\": \"kirs\", \"service\": \"SHELTER\", \"urgency\": \"ROUTINE\"}")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("caseId")).body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referral(caseId, "kirs").replace(caseId.toString(), "not-a-uuid"))
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("caseId"));
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aCaseTheProjectionDoesNotKnowIsCheckedWithTheCaseServiceAndItsOutageIsA503() {
        // The test profile points the case-service client at a closed port.
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referral(UUID.randomUUID(), "kirs"))
                .when().post("/api/v1/referrals")
                .then().statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:dependency-unavailable"));
    }

    /** Only the case-service publishes case events: one from another source (here, moving a case) is parked. */
    @Test
    void aCaseEventFromAnotherSourceIsParkedAndNeverApplied() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topic.REFERRAL_SERVICE_DLQ.topicName());
        EventEnvelope forged = EventEnvelope.of(EventType.CASE_TRANSFERRED, "/uputnica/referral-service",
                caseId.toString(), OffsetDateTime.now(), EventJson.toData(new org.uputnica.events.CaseTransferred(
                        caseId, "csr-kikinda", "kirs", UUID.randomUUID(), new Actor("kirs", "u-2"))));
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, forged)).awaitCompletion();
        await().atMost(Duration.ofSeconds(60)).until(() -> dlq.getRecords().stream()
                .anyMatch(r -> r.value().contains(forged.id())));
        dlq.stop();
        assertEquals("csr-kikinda", ownerInProjection(caseId));
        assertEquals(false, processed(forged.id()));
    }

    @Test
    void aPoisonCaseEventIsParkedOnTheDeadLetterTopicAndTheConsumerGoesOn() {
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topic.REFERRAL_SERVICE_DLQ.topicName());
        String poisonKey = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, poisonKey, "{not json",
                EventType.CASE_CREATED.value(), UUID.randomUUID().toString())).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords().stream().anyMatch(r -> poisonKey.equals(r.key())));
        UUID after = caseOwnedBy("kirs"); // processed after the poison message
        assertEquals("kirs", ownerInProjection(after));
        dlq.stop();
        // an operator sees it in the wellness health group, without the service leaving readiness
        given().when().get("/q/health/well").then().statusCode(503)
                .body(org.hamcrest.Matchers.containsString("referral-service.case-ownership"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aLateOrReplayedCaseEventNeverSetsTheOwnerBack() {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.now().minusHours(2);
        EventEnvelope transferred = EventEnvelope.of(EventType.CASE_TRANSFERRED, "/uputnica/case-service",
                caseId.toString(), created.plusHours(1), EventJson.toData(new org.uputnica.events.CaseTransferred(
                        caseId, "csr-kikinda", "kirs", UUID.randomUUID(), new Actor("kirs", "u-2"))));
        EventEnvelope createdLate = EventEnvelope.of(EventType.CASE_CREATED, "/uputnica/case-service",
                caseId.toString(), created, EventJson.toData(new CaseCreated(caseId, "csr-kikinda",
                        new Actor("csr-kikinda", "u-1"))));
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, transferred),
                EventRecords.of(Topic.CASE_EVENTS, createdLate)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(transferred.id()) && processed(createdLate.id()));
        assertEquals("kirs", ownerInProjection(caseId));
    }

    boolean processed(String eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'referral-service.case-ownership' "
                                + "and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    @Test
    void withoutTokenOrAgencyOrRoleTheCallIsRefused() {
        given().when().get("/api/v1/referrals").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("test.noagency")).when().get("/api/v1/referrals")
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:no-agency"));
        given().auth().oauth2(Tokens.of("petar.ministry")).when().get("/api/v1/referrals")
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:forbidden"));
    }
}
