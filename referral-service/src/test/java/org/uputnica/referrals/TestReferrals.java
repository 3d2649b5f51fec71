package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.persistence.EntityManager;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.OffsetDateTime;
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
