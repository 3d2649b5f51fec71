package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.InfrastructureResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;
import static org.uputnica.cases.Api.referralEvent;

/**
 * Consent, and the access other agencies get to a case through referrals: an accepting agency sees only what was
 * shared while it works on it, a coordinator the trail, everyone else nothing; every read is in the access log.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CollaborationTest {
    static final String GROUP = "kikinda-child-protection";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void publish(EventEnvelope... events) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (EventEnvelope e : events) {
                kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, e)).awaitCompletion();
            }
        }
    }

    String consent(String caseId, String toAgency) {
        return as("ana.csr").body("""
                        {"givenBy": "PARENT", "giverName": "Ljiljana Nikolić", "purpose": "Day care at ROD",
                         "toAgency": "%s", "data": ["IDENTITY", "LANGUAGE"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(toAgency, LocalDate.now()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201)
                .body("validToday", equalTo(true)).extract().path("id");
    }

    @Test
    void aConsentIsRecordedAndAnnouncedWithoutWhoGaveIt() {
        String caseId = openCase("ana.csr", "Mina", "Nikolić");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            String consentId = consent(caseId, "udruzenje-rod");
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .anyMatch(r -> caseId.equals(r.key()) && r.value().contains(consentId)));
            EventEnvelope recorded = events.getRecords().stream().filter(r -> r.value().contains(consentId))
                    .map(r -> EventJson.read(r.value())).findFirst().orElseThrow();
            events.stop();
            assertEquals(EventType.CASE_CONSENT_RECORDED.value(), recorded.type());
            ConsentChanged data = EventJson.data(recorded, ConsentChanged.class);
            assertEquals("udruzenje-rod", data.toAgency());
            assertEquals(List.of("IDENTITY", "LANGUAGE"), data.data());
            assertNull(data.withdrawnAt());
            assertFalse(recorded.data().toString().contains("Ljiljana"), "who gave it stays home");
        }
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/consents").then().statusCode(200)
                .body("giverName", hasItem("Ljiljana Nikolić"));
        // what it allows, for the referral-service (and the owner): no personal data; not for another agency
        String consentId = as("ana.csr").when().get("/api/v1/cases/" + caseId + "/consents").then().extract().path("[0].id");
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/consents/" + consentId + "/terms").then().statusCode(200)
                .body("toAgency", equalTo("udruzenje-rod")).body(not(containsString("Ljiljana")))
                .body(not(containsString("Day care")));
        as("marko.rod").when().get("/api/v1/cases/" + caseId + "/consents/" + consentId + "/terms").then().statusCode(404);
        as("marko.rod").when().get("/api/v1/cases/" + caseId + "/consents/" + consentId).then().statusCode(404);
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/consents/" + UUID.randomUUID() + "/terms")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aConsentMustNameOneAgencyOrKindAndAVerbalOneAWitness() {
        String caseId = openCase("ana.csr", "Jana", "Nikolić");
        String base = """
                "givenBy": "PERSON", "giverName": "Jana", "purpose": "x", "data": ["IDENTITY"], "validFrom": "2026-11-01" """;
        as("ana.csr").body("{" + base + ", \"method\": \"SIGNED_FORM\", \"toAgency\": \"kirs\", \"toAgencyKind\": \"ngo\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(400).body("errors.field", hasItem("toAgency"));
        as("ana.csr").body("{" + base + ", \"method\": \"VERBAL_WITH_WITNESS\", \"toAgencyKind\": \"ngo\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(400).body("errors.field", hasItem("witness"));
        as("ana.csr").body("{" + base + ", \"method\": \"SIGNED_FORM\", \"toAgencyKind\": \"ngo\", \"validUntil\": \"2026-10-01\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(400).body("errors.field", hasItem("validUntil"));
        as("ana.csr").body("{" + base + ", \"method\": \"SIGNED_FORM\", \"toAgencyKind\": \"ngo\", \"data\": [\"SHOE_SIZE\"]}")
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(400).contentType(PROBLEM);
        as("marko.rod").body("{" + base + ", \"method\": \"SIGNED_FORM\", \"toAgencyKind\": \"ngo\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(404);
    }

    @Test
    void theAcceptingAgencySeesOnlyWhatWasSharedWhileItWorksOnTheReferral() {
        String caseId = openCase("ana.csr", "Vesna", "Ristić");
        String consentId = consent(caseId, "udruzenje-rod");
        UUID referral = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now();
        List<String> shared = List.of("IDENTITY", "LANGUAGE");
        publish(referralEvent(EventType.REFERRAL_SENT, referral, caseId, "csr-kikinda", "udruzenje-rod", "SENT", GROUP,
                UUID.fromString(consentId), shared, t));
        // sent, not accepted: the receiver sees nothing yet, the coordinator sees the trail
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("jelena.coordinator").when()
                .get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("access", equalTo("COORDINATOR"))
                .body("referrals[0].status", equalTo("SENT"))
                .body("person", nullValue()));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404).contentType(PROBLEM);

        publish(referralEvent(EventType.REFERRAL_ACCEPTED, referral, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED",
                GROUP, UUID.fromString(consentId), shared, t.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("marko.rod").when()
                .get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("access", equalTo("COLLABORATOR"))
                .body("person.givenName", equalTo("Vesna"))
                .body("person.languages", hasItem("ro"))
                .body("person.dateOfBirth", nullValue())
                .body("person.contacts", nullValue())
                .body("person.legalStatus", nullValue())
                .body("risk", nullValue()));
        // not the notes, the plan, the consents or the documents: those are the owner's
        for (String part : new String[] {"notes", "plan", "consents", "documents", "history", "collaborations"}) {
            as("marko.rod").when().get("/api/v1/cases/" + caseId + "/" + part).then().statusCode(403)
                    .contentType(PROBLEM).body(not(containsString("Vesna")));
        }
        as("amra.otaharin").when().get("/api/v1/cases/" + caseId).then().statusCode(404)
                .body(not(containsString("Vesna")));
        as("mirza.coordinator").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        as("nina.admin").when().get("/api/v1/cases/" + caseId).then().statusCode(403); // role, whatever the agency
        as("petar.ministry").when().get("/api/v1/cases/" + caseId).then().statusCode(403);

        // it closes: access ends, unless the owner extends it
        publish(referralEvent(EventType.REFERRAL_COMPLETED, referral, caseId, "csr-kikinda", "udruzenje-rod",
                "COMPLETED", GROUP, UUID.fromString(consentId), shared, t.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404));
        as("ana.csr").body("{\"until\": \"" + LocalDate.now().plusDays(30) + "\"}")
                .when().put("/api/v1/cases/" + caseId + "/collaborations/" + referral + "/extension")
                .then().statusCode(200).body("accessNow", equalTo(true));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(200).body("person.givenName", equalTo("Vesna"));
        clock.advance(Duration.ofDays(31));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        clock.reset();

        // an old event delivered late does not reopen anything
        publish(referralEvent(EventType.REFERRAL_STARTED, referral, caseId, "csr-kikinda", "udruzenje-rod",
                "IN_PROGRESS", GROUP, UUID.fromString(consentId), shared, t.plusNanos(1_500_000_000L)));
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/collaborations").then().statusCode(200)
                .body("status", hasItem("COMPLETED"));

        // the owner's supervisor sees who read the child's data, and why
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("findAll { it.username == 'marko.rod' }.basis", hasItem("COLLABORATION"))
                .body("findAll { it.username == 'marko.rod' }.basisId", hasItem(referral.toString()))
                .body("findAll { it.username == 'jelena.coordinator' }.basis", hasItem("COORDINATION"));
        String csv = as("milica.supervisor").accept("text/csv").when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("at,userId,username,agency,roles,action,basis,basisId,purpose"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("marko.rod"), csv);
        as("milica.supervisor").queryParam("from", "+99999999-01-01T00:00:00Z").when()
                .get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(400).body("errors.field", hasItem("from"));
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(403)
                .body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("marko.rod").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(403);
    }

    /** IDENTITY shares the names, not the JMBG or the passport number: those need NATIONAL_ID (issue 15). */
    @Test
    void identityAloneSharesNoNationalId() {
        String caseId = as("ana.csr").body("""
                        {"person": {"givenName": "Dara", "familyName": "Marić", "dateOfBirth": "2013-07-15", "sex": "FEMALE",
                                    "identifiers": [{"type": "JMBG", "value": "1507013715034"},
                                                    {"type": "PASSPORT", "value": "P0071234"}]},
                         "category": "CHILD_FOUND_BEGGING"}""")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        UUID toRod = UUID.randomUUID();
        UUID toIom = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now();
        publish(referralEvent(EventType.REFERRAL_ACCEPTED, toRod, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED",
                        null, null, List.of("IDENTITY"), t),
                referralEvent(EventType.REFERRAL_ACCEPTED, toIom, caseId, "csr-kikinda", "iom-serbia", "ACCEPTED",
                        null, null, List.of("IDENTITY", "NATIONAL_ID"), t));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("marko.rod").when()
                .get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("person.givenName", equalTo("Dara"))
                .body("person.identifiers", nullValue())
                .body(not(containsString("1507013715034"))).body(not(containsString("P0071234"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ivana.iom").when()
                .get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("person.givenName", equalTo("Dara"))
                .body("person.identifiers.value", hasItem("P0071234")));
    }

    /**
     * The race of the review: the consent is withdrawn, and only then arrives the event of a referral sent under it
     * (the referral-service lagged behind). The revocation never saw that referral; the consent check still holds.
     */
    @Test
    void aReferralWhoseEventArrivesAfterTheWithdrawalGrantsNothing() {
        String caseId = openCase("ana.csr", "Lena", "Savić");
        String consentId = consent(caseId, "udruzenje-rod");
        as("ana.csr").body("{\"note\": \"withdrawn by the mother\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal").then().statusCode(200);
        UUID referral = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now();
        publish(referralEvent(EventType.REFERRAL_SENT, referral, caseId, "csr-kikinda", "udruzenje-rod", "SENT", null,
                        UUID.fromString(consentId), List.of("IDENTITY"), t),
                referralEvent(EventType.REFERRAL_ACCEPTED, referral, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED",
                        null, UUID.fromString(consentId), List.of("IDENTITY"), t.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ana.csr").when()
                .get("/api/v1/cases/" + caseId + "/collaborations").then().statusCode(200)
                .body("status", hasItem("ACCEPTED")).body("revokedAt[0]", org.hamcrest.Matchers.notNullValue()));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    /** A consent that ends (validUntil) ends the access it gave, without anyone withdrawing it. */
    @Test
    void anExpiredConsentEndsTheAccessItGave() {
        String caseId = openCase("ana.csr", "Mila", "Savić");
        String consentId = as("ana.csr").body("""
                        {"givenBy": "PARENT", "giverName": "Ljiljana Savić", "purpose": "Day care at ROD",
                         "toAgency": "udruzenje-rod", "data": ["IDENTITY"], "validFrom": "%s", "validUntil": "%s",
                         "method": "SIGNED_FORM"}""".formatted(LocalDate.now(), LocalDate.now().plusDays(2)))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        publish(referralEvent(EventType.REFERRAL_ACCEPTED, UUID.randomUUID(), caseId, "csr-kikinda", "udruzenje-rod",
                "ACCEPTED", null, UUID.fromString(consentId), List.of("IDENTITY"), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(200));
        clock.advance(Duration.ofDays(3));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    /**
     * Only the referral-service writes referral events, and only the owner refers a case: an event from another
     * source is parked on the dead-letter topic, and one "from" an agency that does not own the case grants nothing.
     */
    @Test
    void aReferralEventFromAnotherSourceOrNotFromTheOwnerGrantsNothing() {
        String caseId = openCase("ana.csr", "Nada", "Savić");
        String consentId = consent(caseId, "udruzenje-rod");
        UUID forged = UUID.randomUUID();
        EventEnvelope genuine = referralEvent(EventType.REFERRAL_ACCEPTED, forged, caseId, "csr-kikinda",
                "udruzenje-rod", "ACCEPTED", null, UUID.fromString(consentId), List.of("IDENTITY"), OffsetDateTime.now());
        EventEnvelope fromElsewhere = new EventEnvelope(genuine.specversion(), genuine.id(), genuine.type(),
                "/uputnica/notification-service", genuine.subject(), genuine.time(), genuine.datacontenttype(),
                genuine.data());
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> parked = kafka.consumeStrings().fromTopics(Topic.CASE_SERVICE_DLQ.topicName());
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, fromElsewhere)).awaitCompletion();
            await().atMost(Duration.ofSeconds(60)).until(() -> parked.getRecords().stream()
                    .anyMatch(r -> r.value().contains(genuine.id())));
            parked.stop();
        }
        // from the referral-service, but "sent" by an agency that does not own the case
        UUID notOwners = UUID.randomUUID();
        EventEnvelope notFromOwner = referralEvent(EventType.REFERRAL_ACCEPTED, notOwners, caseId, "iom-serbia",
                "udruzenje-rod", "ACCEPTED", null, UUID.fromString(consentId), List.of("IDENTITY"), OffsetDateTime.now());
        publish(notFromOwner);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                        .setParameter("id", notFromOwner.id()).getSingleResult()).longValue() == 1));
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/collaborations").then().statusCode(200)
                .body("referralId", not(hasItem(forged.toString())))
                .body("referralId", not(hasItem(notOwners.toString())));
        as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void withdrawingTheConsentEndsTheReceiversAccessAtOnceAndIsAnnounced() {
        String caseId = openCase("ana.csr", "Dara", "Savić");
        String consentId = consent(caseId, "udruzenje-rod");
        UUID referral = UUID.randomUUID();
        publish(referralEvent(EventType.REFERRAL_ACCEPTED, referral, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED",
                null, UUID.fromString(consentId), List.of("IDENTITY"), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(200));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            as("ana.csr").body("{\"note\": \"Mother withdrew it\"}")
                    .when().post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                    .then().statusCode(200).body("withdrawnAt", org.hamcrest.Matchers.notNullValue())
                    .body("validToday", equalTo(false));
            as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .map(r -> EventJson.read(r.value()))
                    .anyMatch(e -> e.type().equals(EventType.CASE_CONSENT_WITHDRAWN.value())
                            && e.data().toString().contains(consentId)));
            events.stop();
        }
        as("ana.csr").body("{}").when().post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal")
                .then().statusCode(409).body("type", equalTo("urn:uputnica:problem:consent-withdrawn"));
        as("ana.csr").body("{\"until\": \"" + LocalDate.now().plusDays(5) + "\"}")
                .when().put("/api/v1/cases/" + caseId + "/collaborations/" + referral + "/extension")
                .then().statusCode(409);
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/consents/" + consentId).then().statusCode(200)
                .body("withdrawalNote", equalTo("Mother withdrew it"));
    }

    @Test
    void anExtensionOfAccessHasAnUpperBoundAndIsInTheAccessLog() {
        String caseId = openCase("ana.csr", "Dara", "Ristić");
        String consentId = consent(caseId, "udruzenje-rod");
        UUID referral = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now();
        List<String> shared = List.of("IDENTITY", "LANGUAGE");
        publish(referralEvent(EventType.REFERRAL_SENT, referral, caseId, "csr-kikinda", "udruzenje-rod", "SENT", GROUP,
                        UUID.fromString(consentId), shared, t),
                referralEvent(EventType.REFERRAL_ACCEPTED, referral, caseId, "csr-kikinda", "udruzenje-rod", "ACCEPTED",
                        GROUP, UUID.fromString(consentId), shared, t.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("marko.rod").when().get("/api/v1/cases/" + caseId).then().statusCode(200));
        String extension = "/api/v1/cases/" + caseId + "/collaborations/" + referral + "/extension";

        LocalDate tooFar = LocalDate.now().plusDays(181);
        as("ana.csr").body("{\"until\": \"" + tooFar + "\"}").when().put(extension).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", equalTo(List.of("until")));
        LocalDate latest = LocalDate.now().plusDays(180);
        as("ana.csr").body("{\"until\": \"" + latest + "\"}").when().put(extension).then().statusCode(200)
                .body("accessNow", equalTo(true));

        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("findAll { it.username == 'ana.csr' }.purpose",
                        hasItem("access of udruzenje-rod extended until " + latest + " (referral " + referral + ")"))
                .body("findAll { it.purpose.startsWith('access of') }.action", equalTo(List.of("UPDATE")));
    }
}
