package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
class ReferralApiTest {
    static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** A case of {@code agency}, announced as the case-service would, and known to the projection. */
    UUID caseOwnedBy(String agency) {
        UUID caseId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.CASE_CREATED, "/uputnica/case-service", caseId.toString(),
                OffsetDateTime.now(), EventJson.toData(new CaseCreated(caseId, agency, "UNACCOMPANIED_MINOR",
                        new Actor(agency, "u-1"))));
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, event)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> ownerInProjection(caseId) != null);
        return caseId;
    }

    String ownerInProjection(UUID caseId) {
        // Awaitility polls from its own thread: open a transaction for the read
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select owner_agency from case_ownership where case_id = :id")
                .setParameter("id", caseId).getResultStream().findFirst().orElse(null));
    }

    static String referral(UUID caseId, String toAgency) {
        return """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "Dijete treba podršku nakon smještaja"}""".formatted(caseId, toAgency);
    }

    String send(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(201).extract().path("id");
    }

    ValidatableResponse action(String user, String id, String action, String body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/v1/referrals/" + id + "/" + action).then();
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
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("toStatus", contains("SENT", "ACKNOWLEDGED", "ACCEPTED"))
                .body("actorAgency", contains("csr-kikinda", "udruzenje-rod", "udruzenje-rod"));

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
    void onlyTheOwnerAgencyMayReferACase() {
        UUID caseId = caseOwnedBy("csr-kikinda");
        given().auth().oauth2(Tokens.of("marko.rod")).contentType(ContentType.JSON).body(referral(caseId, "iom-serbia"))
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
                .then().statusCode(404).contentType(PROBLEM);
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
