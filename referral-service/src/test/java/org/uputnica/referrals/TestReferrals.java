package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.persistence.EntityManager;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the referral-service tests share: cases announced over Kafka, referral bodies, calls with real tokens. */
final class TestReferrals {
    static final String PROBLEM = "application/problem+json";
    static final String CONSENT = "\"sharing\": {\"basis\": \"CONSENT\", \"consentReference\": \"signed form\", "
            + "\"data\": [\"IDENTITY\"]}";

    private TestReferrals() {
    }

    /** A case of {@code agency}, announced as the case-service would, and known to the projection. */
    static UUID caseOwnedBy(KafkaCompanion kafka, EntityManager em, String agency) {
        UUID caseId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.CASE_CREATED, "/uputnica/case-service", caseId.toString(),
                OffsetDateTime.now(), EventJson.toData(new CaseCreated(caseId, agency, "UNACCOMPANIED_MINOR",
                        new Actor(agency, "u-1"))));
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, event)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> agency.equals(ownerInProjection(em, caseId)));
        return caseId;
    }

    static String ownerInProjection(EntityManager em, UUID caseId) {
        // Awaitility polls from its own thread: open a transaction for the read
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select owner_agency from case_ownership where case_id = :id")
                .setParameter("id", caseId).getResultStream().findFirst().orElse(null));
    }

    /** Today where the consents are dated (the service's uputnica.consents.time-zone). */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Belgrade"));
    }

    /** A consent of a case owned by csr-kikinda, for one agency or (toAgency null) a kind of agency. */
    static ConsentChanged consent(UUID caseId, String toAgency, String toAgencyKind, List<String> data,
                                  LocalDate validFrom, LocalDate validUntil) {
        return new ConsentChanged(UUID.randomUUID(), caseId, "csr-kikinda", toAgency, toAgencyKind, data, validFrom,
                validUntil, null, new Actor("csr-kikinda", "u-1"));
    }

    /** The consent as the case-service announces it; keyed by the case, like the case's other events. */
    static EventEnvelope consentEvent(EventType type, ConsentChanged consent) {
        return EventEnvelope.of(type, "/uputnica/case-service", consent.caseId().toString(), OffsetDateTime.now(),
                EventJson.toData(consent));
    }

    static ConsentChanged withdrawn(ConsentChanged c) {
        return new ConsentChanged(c.consentId(), c.caseId(), c.ownerAgency(), c.toAgency(), c.toAgencyKind(), c.data(),
                c.validFrom(), c.validUntil(), OffsetDateTime.now(), c.actor());
    }

    /** Publishes the events on the case topic and waits until the referral-service has applied them all. */
    static void applied(KafkaCompanion kafka, EntityManager em, EventEnvelope... events) {
        kafka.produceStrings().fromRecords(java.util.Arrays.stream(events)
                .map(e -> EventRecords.of(Topic.CASE_EVENTS, e)).toList()).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(events)
                .allMatch(e -> processed(em, e.id())));
    }

    static boolean processed(EntityManager em, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'referral-service.case-ownership' "
                                + "and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    static String referral(UUID caseId, String toAgency) {
        return """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "Dijete treba podršku nakon smještaja", %s}""".formatted(caseId, toAgency, CONSENT);
    }

    static String send(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse action(String user, String id, String action, String body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/v1/referrals/" + id + "/" + action).then();
    }
}
