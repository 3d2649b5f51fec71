package org.uputnica.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.Actor;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An accepted transfer referral moves the case to the receiving agency, once, and announces the move. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class TransferTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    String openCase() {
        return given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(CaseApiTest.newCase("Omar")).when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
    }

    /** A referral's SENT event, sent by a member of {@code sentBy}, and its ACCEPTED event a second later. */
    static EventEnvelope[] sentAndAccepted(String caseId, String from, String to, String kind, String sentBy) {
        UUID referralId = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now();
        UUID related = sentBy.equals(from) ? null : UUID.randomUUID(); // made by forwarding another referral
        ReferralChanged sent = new ReferralChanged(referralId, UUID.fromString(caseId), from, to, "GUARDIANSHIP",
                "URGENT", "SENT", null, null, new Actor(sentBy, "u-41"), kind, null, null, related, null, null);
        ReferralChanged accepted = new ReferralChanged(referralId, UUID.fromString(caseId), from, to, "GUARDIANSHIP",
                "URGENT", "ACCEPTED", "SENT", null, new Actor(to, "u-42"), kind, null, null, null, null, null);
        return new EventEnvelope[] {
                EventEnvelope.of(EventType.REFERRAL_SENT, "/uputnica/referral-service", referralId.toString(), t,
                        EventJson.toData(sent)),
                EventEnvelope.of(EventType.REFERRAL_ACCEPTED, "/uputnica/referral-service", referralId.toString(),
                        t.plusSeconds(1), EventJson.toData(accepted))};
    }

    static EventEnvelope accepted(String caseId, String from, String to, String kind) {
        return sentAndAccepted(caseId, from, to, kind, from)[1];
    }

    void publish(KafkaCompanion kafka, EventEnvelope... events) {
        for (EventEnvelope e : events) {
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, e)).awaitCompletion();
        }
    }

    long changes(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from case_ownership_change where case_id = :id")
                .setParameter("id", UUID.fromString(caseId)).getSingleResult()).longValue());
    }

    @Test
    void anAcceptedTransferMovesTheCaseOnceAndIsAnnounced() {
        String caseId = openCase();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> caseEvents = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            EventEnvelope[] transfer = sentAndAccepted(caseId, "csr-kikinda", "kirs", "TRANSFER", "csr-kikinda");
            publish(kafka, transfer);
            EventEnvelope event = transfer[1];
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, event)).awaitCompletion(); // redelivery

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(Tokens.of("dragan.kirs")).when().get("/api/v1/cases/" + caseId)
                            .then().statusCode(200).body("ownerAgency", equalTo("kirs")));
            given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
            await().atMost(Duration.ofSeconds(30)).until(() -> caseEvents.getRecords().stream()
                    .filter(r -> caseId.equals(r.key()))
                    .anyMatch(r -> EventJson.read(r.value()).type().equals(EventType.CASE_TRANSFERRED.value())));
            caseEvents.stop();
        }
        assertEquals(1, changes(caseId), "a redelivered event moves nothing twice");
    }

    boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'case-service.transfers' and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    @Test
    void aPlainReferralOrAStaleTransferLeavesTheOwnerAlone() {
        String caseId = openCase();
        EventEnvelope plain = accepted(caseId, "csr-kikinda", "kirs", "REFERRAL");
        EventEnvelope stale = accepted(caseId, "iom-serbia", "kirs", "TRANSFER"); // the case is not iom's
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, plain),
                    EventRecords.of(Topic.REFERRAL_EVENTS, stale)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(plain.id()) && processed(stale.id()));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).body("ownerAgency", equalTo("csr-kikinda"));
        assertEquals(0, changes(caseId));
    }

    /**
     * The review's scenario (issue 15): the owner transfers to ROD, ROD forwards the transfer to IOM, IOM accepts. The
     * event names the owner as sender, but the owner never sent this referral: the case-service checks it itself,
     * whatever the referral-service allowed. So does an acceptance whose sending it never saw.
     */
    @Test
    void aTransferTheOwnerDidNotSendItselfMovesNothing() {
        String caseId = openCase();
        EventEnvelope[] forwarded = sentAndAccepted(caseId, "csr-kikinda", "iom-serbia", "TRANSFER", "udruzenje-rod");
        EventEnvelope acceptedOnly = accepted(caseId, "csr-kikinda", "kirs", "TRANSFER");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            publish(kafka, forwarded);
            publish(kafka, acceptedOnly);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(forwarded[1].id()) && processed(acceptedOnly.id()));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200).body("ownerAgency", equalTo("csr-kikinda"));
        given().auth().oauth2(Tokens.of("ivana.iom")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        assertEquals(0, changes(caseId));
    }

    @Test
    void aPoisonReferralEventIsParkedAndTheConsumerGoesOn() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topic.CASE_SERVICE_DLQ.topicName());
            String key = UUID.randomUUID().toString();
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, key, "{not json",
                    EventType.REFERRAL_ACCEPTED.value(), UUID.randomUUID().toString())).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords().stream().anyMatch(r -> key.equals(r.key())));
            dlq.stop();

            String caseId = openCase();
            publish(kafka, sentAndAccepted(caseId, "csr-kikinda", "kirs", "TRANSFER", "csr-kikinda"));
            await().atMost(Duration.ofSeconds(30)).until(() -> changes(caseId) == 1);
        }
    }
}
