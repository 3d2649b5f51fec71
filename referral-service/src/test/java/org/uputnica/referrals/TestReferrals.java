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
import org.uputnica.events.SharedData;
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
    /** A legal basis, for a supervisor to send on (e.g. to several agencies at once). */
    static final String LEGAL_BASIS = "\"sharing\": {\"basis\": \"LEGAL_BASIS\", \"legalBasis\": "
            + "\"urgent protection of a child\", \"data\": [\"IDENTITY\"]}";

    /** The agencies every test case has a consent for (see {@link #caseOwnedBy}). */
    static final List<String> AGENCIES = List.of("csr-kikinda", "udruzenje-rod", "iom-serbia", "kirs", "minrzs",
            "csr-bijeljina", "otaharin");

    private TestReferrals() {
    }

    /**
     * A case of {@code agency}, announced as the case-service would, and known to the projection; with a consent
     * record for each other agency of {@link #AGENCIES} covering every kind of data ({@link #consentOf}).
     */
    static UUID caseOwnedBy(KafkaCompanion kafka, EntityManager em, String agency) {
        UUID caseId = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(EventType.CASE_CREATED, "/uputnica/case-service", caseId.toString(),
                OffsetDateTime.now(), EventJson.toData(new CaseCreated(caseId, agency, new Actor(agency, "u-1"))));
        kafka.produceStrings().fromRecords(EventRecords.of(Topic.CASE_EVENTS, event)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> agency.equals(ownerInProjection(em, caseId)));
        List<String> everyKind = java.util.Arrays.stream(SharedData.values()).map(Enum::name).toList();
        applied(kafka, em, AGENCIES.stream().filter(a -> !a.equals(agency))
                .map(to -> consentEvent(EventType.CASE_CONSENT_RECORDED, new ConsentChanged(consentOf(caseId, to),
                        caseId, agency, to, null, everyKind, today().minusDays(1), null, null, new Actor(agency, "u-1"))))
                .toArray(EventEnvelope[]::new));
        return caseId;
    }

    /** The id of the consent {@link #caseOwnedBy} recorded for sharing the case with {@code toAgency}. */
    static UUID consentOf(UUID caseId, String toAgency) {
        return UUID.nameUUIDFromBytes((caseId + "/" + toAgency).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The "sharing" member of a referral under that consent, sharing IDENTITY. */
    static String consentTo(UUID caseId, String toAgency) {
        return "\"sharing\": {\"basis\": \"CONSENT\", \"consentId\": \"%s\", \"data\": [\"IDENTITY\"]}"
                .formatted(consentOf(caseId, toAgency));
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
                 "reason": "Dijete treba podršku nakon smještaja", %s}""".formatted(caseId, toAgency,
                consentTo(caseId, toAgency));
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
