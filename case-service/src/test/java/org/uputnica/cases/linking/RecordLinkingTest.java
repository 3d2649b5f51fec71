package org.uputnica.cases.linking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.cases.MutableClock;
import org.uputnica.cases.access.CaseReferral;
import org.uputnica.cases.person.Names;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record linking over HTTP and Kafka against the real servers. Each test uses names of its own: other tests' cases
 * (of any test class) share the database, so a test looks only at the suggestions from the agency it expects.
 * Records are compared only between agencies with an active referral about one of them ({@link #referral}), unless
 * a supervisor searches every agency with a purpose.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class RecordLinkingTest {
    static final String PROBLEM = "application/problem+json";
    static final String KIKINDA = "csr-kikinda";
    static final String BIJELJINA = "csr-bijeljina";
    static final String OTAHARIN = "otaharin";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    /** A case opened over the API: its id and reference. */
    record Opened(String id, String reference) {
    }

    static Opened open(String user, String person) {
        ValidatableResponse created = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"person\": " + person + ", \"category\": \"UNACCOMPANIED_MINOR\"}")
                .when().post("/api/v1/cases")
                .then().statusCode(201);
        return new Opened(created.extract().path("id"), created.extract().path("reference"));
    }

    /**
     * A referral of the case between the two agencies, as the referral events leave it in case_referral: the ground
     * on which a caseworker's suggestions compare their records. Sent, so it gives no access to the case.
     */
    static UUID referral(String caseId, String from, String to, String status) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            CaseReferral r = new CaseReferral();
            r.referralId = id;
            r.caseId = UUID.fromString(caseId);
            r.fromAgency = from;
            r.toAgency = to;
            r.kind = "REFERRAL";
            r.status = status;
            r.eventTime = OffsetDateTime.now();
            r.persist();
        });
        return id;
    }

    static void referral(Opened kikindaCase, String to) {
        referral(kikindaCase.id(), KIKINDA, to, "SENT");
    }

    static ValidatableResponse suggestions(String user, String caseId) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/cases/" + caseId + "/match-suggestions").then();
    }

    /** The suggestions of the case that name this other agency (other tests' cases may add their own). */
    static List<Map<String, Object>> suggestionsFrom(String user, String caseId, String otherAgency) {
        List<Map<String, Object>> all = suggestions(user, caseId).statusCode(200).extract().path("");
        return all.stream().filter(s -> otherAgency.equals(s.get("otherAgency"))).toList();
    }

    static ValidatableResponse decide(String user, String caseId, Object suggestionId, String decision, String note) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (note != null) {
            request.body("{\"note\": \"" + note + "\"}");
        }
        return request.when().post("/api/v1/cases/" + caseId + "/match-suggestions/" + suggestionId + "/" + decision).then();
    }

    static ValidatableResponse links(String user, String caseId) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/cases/" + caseId + "/links").then();
    }

    static ValidatableResponse dissolve(String user, String caseId, Object linkId, String body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.when().post("/api/v1/cases/" + caseId + "/links/" + linkId + "/dissolution").then();
    }

    /** Confirms the one suggestion of the case that names the other agency: the link's id. */
    static String confirmLink(String user, Opened ours, String otherAgency, String note) {
        List<Map<String, Object>> found = suggestionsFrom(user, ours.id(), otherAgency);
        assertEquals(1, found.size(), found.toString());
        return decide(user, ours.id(), found.get(0).get("id"), "confirmation", note).statusCode(200)
                .extract().path("linkId");
    }

    static void assertReveals(String body, Opened other, String... otherData) {
        assertFalse(body.contains(other.id()), "never the other case's id: " + body);
        assertFalse(body.contains(other.reference()), "never the other case's reference: " + body);
        for (String data : otherData) {
            assertFalse(body.contains(data), "never the other record's data (" + data + "): " + body);
        }
    }

    int auditRows(String caseId, String condition) {
        return ((Number) em.createNativeQuery("select count(*) from personal_data_access where case_id = :id and " + condition)
                .setParameter("id", UUID.fromString(caseId)).getSingleResult()).intValue();
    }

    @Test
    void cyrillicAndLatinSpellingsOfOneChildAreSuggestedToBothAgenciesWithoutTheOtherRecord() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Ђорђе", "familyName": "Јовановић", "dateOfBirth": "2012-04-09", "sex": "MALE"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Djordje", "familyName": "Jovanovic", "dateOfBirth": "2012-04-09", "sex": "MALE",
                 "identifiers": [{"type": "REGISTRATION_NUMBER", "value": "BN-555-31"}]}""");
        referral(kikinda, BIJELJINA);

        String body = suggestions("ana.csr", kikinda.id()).statusCode(200).extract().asString();
        List<Map<String, Object>> found = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA);
        assertEquals(1, found.size(), body);
        Map<String, Object> s = found.get(0);
        assertEquals("SUGGESTED", s.get("status"));
        assertEquals(1.0f, ((Number) s.get("score")).floatValue());
        assertEquals(List.of("NAME_SIMILAR", "SAME_DATE_OF_BIRTH", "SAME_SEX"),
                ((List<Map<String, Object>>) s.get("reasons")).stream().map(r -> r.get("code")).toList());
        assertReveals(body, bijeljina, "Djordje", "Jovanovic", "2012-04-09", "BN-555-31", "BN55531");

        // one suggestion for the pair: the other agency finds the same one on its own case
        List<Map<String, Object>> theirs = suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA);
        assertEquals(1, theirs.size());
        assertEquals(s.get("id"), theirs.get(0).get("id"));
        assertReveals(suggestions("senad.csr", bijeljina.id()).extract().asString(), kikinda, "Ђорђе", "Јовановић");

        // each read is audited on the case read; the other child's comparison on theirs, with its basis
        assertEquals(2, auditRows(kikinda.id(), "action = 'READ' and purpose = 'match suggestions' and basis = 'OWNER'"));
        assertEquals(2, auditRows(bijeljina.id(), "action = 'READ' and username = 'ana.csr' and basis = 'RECORD_LINKING' "
                + "and basis_id = '" + s.get("id") + "'"));
    }

    @Test
    void arabicDerivedSpellingsAndAnEstimatedAgeMatchADateOfBirth() {
        int year = LocalDate.now().getYear();
        Opened kikinda = open("ana.csr", """
                {"givenName": "Mohammad", "familyName": "Rahimi", "otherNames": ["Мохамад Рахими"], "estimatedAge": 14,
                 "sex": "MALE", "nationality": "AF"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Muhamed", "familyName": "Rahimi", "dateOfBirth": "%d-06-01", "sex": "MALE"}"""
                .formatted(year - 15));
        referral(kikinda, BIJELJINA);

        List<Map<String, Object>> found = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA);
        assertEquals(1, found.size(), found.toString());
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) found.get(0).get("reasons");
        assertEquals("NAME_SIMILAR", reasons.get(0).get("code"));
        assertTrue(((Number) reasons.get(0).get("similarity")).doubleValue() >= 0.9, reasons.toString());
        assertEquals(Map.of("code", "BIRTH_YEAR_WITHIN", "years", 1), reasons.get(1));
        assertTrue(((Number) found.get(0).get("score")).doubleValue() >= 0.85);
        assertReveals(suggestions("ana.csr", kikinda.id()).extract().asString(), bijeljina, "Muhamed", (year - 15) + "-06-01");
    }

    @Test
    void aDifferentChildWithTheSameGivenNameAndAgeIsNotSuggested() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Hamid", "familyName": "Nazari", "estimatedAge": 13, "sex": "MALE"}""");
        open("amra.otaharin", """
                {"givenName": "Hamid", "familyName": "Mirzaei", "estimatedAge": 13, "sex": "MALE"}""");
        open("amra.otaharin", """
                {"givenName": "Hamid", "familyName": "Nazari", "estimatedAge": 13, "sex": "FEMALE"}""");
        open("amra.otaharin", """
                {"givenName": "Hamid", "familyName": "Nazari", "estimatedAge": 19, "sex": "MALE"}""");
        Opened same = open("amra.otaharin", """
                {"givenName": "Hamid", "familyName": "Nazary", "estimatedAge": 12, "sex": "MALE"}""");
        referral(kikinda, OTAHARIN);

        List<Map<String, Object>> found = suggestionsFrom("ana.csr", kikinda.id(), OTAHARIN);
        assertEquals(1, found.size(), "only the same name, sex and age: " + found);
        // the one suggested is the y/i spelling, one year apart (its id is on the other side's suggestion)
        assertEquals(found.get(0).get("id"), suggestionsFrom("amra.otaharin", same.id(), KIKINDA).get(0).get("id"));
    }

    @Test
    void theSameIdentifierIsSuggestedWhateverTheNames() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Milan", "familyName": "Ristić", "dateOfBirth": "2013-07-15", "sex": "MALE",
                 "identifiers": [{"type": "JMBG", "value": "1507013715034"}]}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Nikola", "familyName": "Tomić", "estimatedAge": 11, "sex": "UNKNOWN",
                 "identifiers": [{"type": "JMBG", "value": "1507013-715034", "issuer": "MUP RS"}]}""");
        Opened registered = open("amra.otaharin", """
                {"givenName": "Ahmad", "familyName": "Zaki", "estimatedAge": 11, "sex": "MALE",
                 "identifiers": [{"type": "REGISTRATION_NUMBER", "value": "KI 2026 7731"}]}""");
        Opened omid = open("ana.csr", """
                {"givenName": "Omid", "familyName": "Sharifi", "estimatedAge": 12, "sex": "MALE",
                 "identifiers": [{"type": "REGISTRATION_NUMBER", "value": "ki-2026-7731"}]}""");
        referral(kikinda, BIJELJINA);
        referral(omid, OTAHARIN);

        List<Map<String, Object>> byJmbg = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA);
        assertEquals(1, byJmbg.size());
        assertEquals(0.95f, ((Number) byJmbg.get(0).get("score")).floatValue());
        assertEquals(Map.of("code", "SAME_IDENTIFIER", "identifierType", "JMBG"),
                ((List<Map<String, Object>>) byJmbg.get(0).get("reasons")).get(0));
        assertReveals(suggestions("ana.csr", kikinda.id()).extract().asString(), bijeljina, "Nikola", "Tomić", "MUP RS");

        List<Map<String, Object>> byRegistration = suggestionsFrom("amra.otaharin", registered.id(), KIKINDA);
        assertEquals(1, byRegistration.size(), "the number as written with spaces or dashes is one number");
        assertEquals("REGISTRATION_NUMBER",
                ((List<Map<String, Object>>) byRegistration.get(0).get("reasons")).get(0).get("identifierType"));
    }

    @Test
    void confirmingLinksTheRecordsForBothAgenciesAndAnnouncesIt() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            Opened kikinda = open("ana.csr", """
                    {"givenName": "Yousef", "familyName": "Karimzada", "estimatedAge": 13, "sex": "MALE"}""");
            Opened bijeljina = open("senad.csr", """
                    {"givenName": "Jusuf", "familyName": "Karimzade", "estimatedAge": 13, "sex": "MALE"}""");
            referral(kikinda, BIJELJINA);
            Object id = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).get(0).get("id");

            String linkId = decide("ana.csr", kikinda.id(), id, "confirmation", "Same father's name, same route")
                    .statusCode(200)
                    .body("status", equalTo("CONFIRMED"))
                    .body("decidedByAgency", equalTo(KIKINDA))
                    .body("otherAgency", equalTo(BIJELJINA))
                    .body("linkId", notNullValue())
                    .extract().path("linkId");

            String ours = links("ana.csr", kikinda.id()).statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(linkId))
                    .body("[0].status", equalTo("ACTIVE"))
                    .body("[0].dissolution", nullValue())
                    .body("[0].otherAgency", equalTo(BIJELJINA))
                    .body("[0].linkedBy", equalTo("ana.csr"))
                    .body("[0].linkedByAgency", equalTo(KIKINDA))
                    .body("[0].linkedAt", notNullValue())
                    .body("[0].note", equalTo("Same father's name, same route"))
                    .extract().asString();
            assertReveals(ours, bijeljina, "Jusuf", "Karimzade");
            String theirs = links("senad.csr", bijeljina.id()).statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(linkId))
                    .body("[0].otherAgency", equalTo(KIKINDA))
                    .body("[0].linkedBy", equalTo("ana.csr"))
                    .body("[0].note", nullValue())
                    .extract().asString();
            assertReveals(theirs, kikinda, "Yousef", "Karimzada");
            assertEquals(1, auditRows(kikinda.id(), "action = 'READ' and purpose = 'record links'"));
            assertEquals(1, auditRows(bijeljina.id(), "action = 'READ' and purpose = 'record links' and username = 'senad.csr'"));
            assertEquals(1, auditRows(kikinda.id(), "action = 'UPDATE' and purpose = 'record link confirmed'"));

            // linked, not merged: the other agency still does not see the case; the owner still does
            given().auth().oauth2(Tokens.of("senad.csr")).when().get("/api/v1/cases/" + kikinda.id())
                    .then().statusCode(404);
            given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + kikinda.id())
                    .then().statusCode(200).body("person.givenName", equalTo("Yousef"));
            given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + kikinda.id() + "/history")
                    .then().statusCode(200);
            assertTrue(suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).isEmpty(), "a decided pair is no suggestion");
            assertTrue(suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA).isEmpty());

            await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream().anyMatch(r -> linked(r, linkId)));
            ConsumerRecord<String, String> record = events.getRecords().stream().filter(r -> linked(r, linkId))
                    .findFirst().orElseThrow();
            EventEnvelope event = EventJson.read(record.value());
            assertEquals(kikinda.id(), record.key());
            assertEquals(kikinda.id(), event.subject());
            assertEquals(kikinda.id(), event.data().get("caseId").asText());
            assertEquals(KIKINDA, event.data().get("agency").asText());
            assertEquals(bijeljina.id(), event.data().get("linkedCaseId").asText());
            assertEquals(BIJELJINA, event.data().get("linkedAgency").asText());
            assertEquals(KIKINDA, event.data().get("actor").get("agency").asText());
            for (String personal : List.of("Yousef", "Karimzada", "Jusuf", "Karimzade", "Same father")) {
                assertFalse(record.value().contains(personal), "events carry no names or notes");
            }
            events.stop();
        }
    }

    private static boolean linked(ConsumerRecord<String, String> record, String linkId) {
        return isEvent(record, EventType.CASE_RECORDS_LINKED, linkId);
    }

    private static boolean isEvent(ConsumerRecord<String, String> record, EventType type, String linkId) {
        EventEnvelope event = EventJson.read(record.value());
        return type.value().equals(event.type()) && linkId.equals(event.data().get("linkId").asText());
    }

    @Test
    void theOtherAgencyDissolvesAWrongLinkBothSeeItDissolvedAndThePairIsNotSuggestedAgain() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            Opened kikinda = open("ana.csr", """
                    {"givenName": "Farid", "familyName": "Sultani", "dateOfBirth": "2013-02-03", "sex": "MALE"}""");
            Opened bijeljina = open("senad.csr", """
                    {"givenName": "Farid", "familyName": "Soltani", "dateOfBirth": "2013-02-03", "sex": "MALE"}""");
            referral(kikinda, BIJELJINA);
            Object suggestionId = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).get(0).get("id");
            String linkId = decide("ana.csr", kikinda.id(), suggestionId, "confirmation", "Same date, same route")
                    .statusCode(200).extract().path("linkId");

            String answer = dissolve("senad.csr", bijeljina.id(), linkId, """
                    {"reason": "NOT_SAME_PERSON", "note": "  Different mother's name  "}""")
                    .statusCode(200)
                    .body("id", equalTo(linkId))
                    .body("status", equalTo("DISSOLVED"))
                    .body("otherAgency", equalTo(KIKINDA))
                    .body("linkedBy", equalTo("ana.csr"))
                    .body("note", nullValue())
                    .body("dissolution.at", notNullValue())
                    .body("dissolution.by", equalTo("senad.csr"))
                    .body("dissolution.byAgency", equalTo(BIJELJINA))
                    .body("dissolution.reason", equalTo("NOT_SAME_PERSON"))
                    .body("dissolution.note", equalTo("Different mother's name"))
                    .extract().asString();
            assertReveals(answer, kikinda, "Sultani", "2013-02-03");

            // kept, not deleted: both agencies see that it ended and why; each sees only its own agency's notes
            links("ana.csr", kikinda.id()).statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(linkId))
                    .body("[0].status", equalTo("DISSOLVED"))
                    .body("[0].note", equalTo("Same date, same route"))
                    .body("[0].dissolution.byAgency", equalTo(BIJELJINA))
                    .body("[0].dissolution.reason", equalTo("NOT_SAME_PERSON"))
                    .body("[0].dissolution.note", nullValue());
            links("senad.csr", bijeljina.id()).statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].status", equalTo("DISSOLVED"))
                    .body("[0].note", nullValue())
                    .body("[0].dissolution.note", equalTo("Different mother's name"));

            // the pair counts as rejected now: suggested to neither agency, and not to be confirmed again
            assertTrue(suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).isEmpty());
            assertTrue(suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA).isEmpty());
            decide("ana.csr", kikinda.id(), suggestionId, "confirmation", null).statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo(LinkingProblems.MATCH_ALREADY_DECIDED))
                    .body("detail", containsString("rejected by " + BIJELJINA));

            // once, by either side: a second dissolution is a conflict and changes nothing
            dissolve("senad.csr", bijeljina.id(), linkId, """
                    {"reason": "ENTERED_IN_ERROR"}""").statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:uputnica:problem:link-already-dissolved"));
            dissolve("ana.csr", kikinda.id(), linkId, """
                    {"reason": "DUPLICATE_LINK", "note": "again"}""").statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo(LinkingProblems.LINK_ALREADY_DISSOLVED));
            links("ana.csr", kikinda.id()).statusCode(200)
                    .body("[0].dissolution.by", equalTo("senad.csr"))
                    .body("[0].dissolution.reason", equalTo("NOT_SAME_PERSON"));
            assertEquals(1, auditRows(bijeljina.id(), "action = 'UPDATE' and purpose = 'record link dissolved' "
                    + "and username = 'senad.csr' and basis = 'OWNER' and basis_id = '" + linkId + "'"));
            assertEquals(0, auditRows(kikinda.id(), "purpose = 'record link dissolved'"));

            // announced from the dissolving agency's case, with ids and the reason code only
            await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                    .anyMatch(r -> isEvent(r, EventType.CASE_RECORDS_UNLINKED, linkId)));
            ConsumerRecord<String, String> record = events.getRecords().stream()
                    .filter(r -> isEvent(r, EventType.CASE_RECORDS_UNLINKED, linkId)).findFirst().orElseThrow();
            EventEnvelope event = EventJson.read(record.value());
            assertEquals(bijeljina.id(), record.key());
            assertEquals(bijeljina.id(), event.subject());
            List<String> fields = new ArrayList<>();
            event.data().fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("linkId", "caseId", "agency", "linkedCaseId", "linkedAgency", "reasonCode", "actor"),
                    Set.copyOf(fields));
            assertEquals(bijeljina.id(), event.data().get("caseId").asText());
            assertEquals(BIJELJINA, event.data().get("agency").asText());
            assertEquals(kikinda.id(), event.data().get("linkedCaseId").asText());
            assertEquals(KIKINDA, event.data().get("linkedAgency").asText());
            assertEquals("NOT_SAME_PERSON", event.data().get("reasonCode").asText());
            assertEquals(BIJELJINA, event.data().get("actor").get("agency").asText());
            for (String personal : List.of("Farid", "Sultani", "Soltani", "2013-02-03", "mother")) {
                assertFalse(record.value().contains(personal), "events carry no names, dates or notes");
            }
            events.stop();
        }
    }

    @Test
    void anonymisingACaseErasesTheNotesAboutItsLinks() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Ilyas", "familyName": "Qaderi", "dateOfBirth": "2012-06-07", "sex": "MALE"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Iljas", "familyName": "Kaderi", "dateOfBirth": "2012-06-07", "sex": "MALE"}""");
        referral(kikinda, BIJELJINA);
        String linkId = confirmLink("ana.csr", kikinda, BIJELJINA, "Travels with his uncle Karim");
        dissolve("senad.csr", bijeljina.id(), linkId, """
                {"reason": "NOT_SAME_PERSON", "note": "Karim is not his uncle"}""").statusCode(200);
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body("{\"step\": \"CLOSED\", \"closureReason\": \"REACHED_ADULTHOOD\"}")
                .when().post("/api/v1/cases/" + kikinda.id() + "/steps").then().statusCode(200);
        try {
            clock.advance(Duration.ofDays(3653 + 2)); // past the retention period of ten years
            given().auth().oauth2(Tokens.of("milica.supervisor")).when()
                    .post("/api/v1/cases/" + kikinda.id() + "/anonymisation").then().statusCode(200);
        } finally {
            clock.reset();
        }
        Number left = (Number) em.createNativeQuery("""
                        select (select count(*) from record_link where (case_a = :id or case_b = :id)
                                  and (note is not null or dissolution_note is not null))
                             + (select count(*) from record_match where (case_a = :id or case_b = :id) and note is not null)""")
                .setParameter("id", UUID.fromString(kikinda.id())).getSingleResult();
        assertEquals(0, left.intValue(), "no note about the anonymised case's links is left");
        links("senad.csr", bijeljina.id()).statusCode(200).body(not(containsString("Karim")));
    }

    @Test
    void aSupervisorOfTheConfirmingAgencyDissolvesItsLink() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Parisa", "familyName": "Rahmani", "estimatedAge": 12, "sex": "FEMALE"}""");
        Opened otaharin = open("amra.otaharin", """
                {"givenName": "Parisa", "familyName": "Rahmany", "estimatedAge": 12, "sex": "FEMALE"}""");
        referral(kikinda, OTAHARIN);
        String linkId = confirmLink("ana.csr", kikinda, OTAHARIN, null);

        dissolve("milica.supervisor", kikinda.id(), linkId, """
                {"reason": "ENTERED_IN_ERROR", "note": "   "}""").statusCode(200)
                .body("status", equalTo("DISSOLVED"))
                .body("dissolution.by", equalTo("milica.supervisor"))
                .body("dissolution.byAgency", equalTo(KIKINDA))
                .body("dissolution.reason", equalTo("ENTERED_IN_ERROR"))
                .body("dissolution.note", nullValue());
        links("amra.otaharin", otaharin.id()).statusCode(200)
                .body("[0].id", equalTo(linkId))
                .body("[0].status", equalTo("DISSOLVED"))
                .body("[0].dissolution.byAgency", equalTo(KIKINDA));
        assertTrue(suggestionsFrom("amra.otaharin", otaharin.id(), KIKINDA).isEmpty());
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), OTAHARIN).isEmpty());
        dissolve("amra.otaharin", otaharin.id(), linkId, """
                {"reason": "NOT_SAME_PERSON"}""").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(LinkingProblems.LINK_ALREADY_DISSOLVED));
    }

    @Test
    void onlyTheLinkedAgenciesDissolveALinkEachOnItsOwnCase() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Ehsan", "familyName": "Nouri", "dateOfBirth": "2014-08-19", "sex": "MALE"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Ehsan", "familyName": "Nuri", "dateOfBirth": "2014-08-19", "sex": "MALE"}""");
        Opened rods = open("marko.rod", """
                {"givenName": "Ehsan", "familyName": "Nouri", "dateOfBirth": "1990-01-01", "sex": "MALE"}""");
        referral(kikinda, BIJELJINA);
        String linkId = confirmLink("ana.csr", kikinda, BIJELJINA, null);
        String body = """
                {"reason": "NOT_SAME_PERSON"}""";

        dissolve("marko.rod", kikinda.id(), linkId, body).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        dissolve("marko.rod", rods.id(), linkId, body).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        // the other side of the link dissolves it on its own case only
        dissolve("senad.csr", kikinda.id(), linkId, body).statusCode(404).contentType(PROBLEM);
        dissolve("ana.csr", kikinda.id(), UUID.randomUUID(), body).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        dissolve("ana.csr", kikinda.id(), "not-a-uuid", body).statusCode(404).contentType(PROBLEM);
        dissolve("petar.ministry", kikinda.id(), linkId, body).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:forbidden"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + kikinda.id() + "/links/" + linkId + "/dissolution")
                .then().statusCode(401).contentType(PROBLEM);

        links("ana.csr", kikinda.id()).statusCode(200)
                .body("[0].id", equalTo(linkId))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].dissolution", nullValue());
        assertEquals(0, auditRows(kikinda.id(), "purpose = 'record link dissolved'"));
        assertEquals(0, auditRows(bijeljina.id(), "purpose = 'record link dissolved'"));
    }

    @Test
    void aDissolutionWithoutAKnownReasonIsA400NamingTheField() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Navid", "familyName": "Azimi", "estimatedAge": 9, "sex": "MALE"}""");
        open("senad.csr", """
                {"givenName": "Navid", "familyName": "Azimy", "estimatedAge": 9, "sex": "MALE"}""");
        referral(kikinda, BIJELJINA);
        String linkId = confirmLink("ana.csr", kikinda, BIJELJINA, null);

        dissolve("ana.csr", kikinda.id(), linkId, """
                {"reason": "CHANGED_MY_MIND"}""").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("reason"))
                .body("errors[0].message", containsString("NOT_SAME_PERSON"));
        dissolve("ana.csr", kikinda.id(), linkId, """
                {"note": "no reason given"}""").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("reason"));
        dissolve("ana.csr", kikinda.id(), linkId, """
                {"reason": "NOT_SAME_PERSON", "note": "%s"}""".formatted("x".repeat(1001))).statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("note"));
        dissolve("ana.csr", kikinda.id(), linkId, null).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"));

        links("ana.csr", kikinda.id()).statusCode(200).body("[0].status", equalTo("ACTIVE"));
    }

    @Test
    void aRejectedPairIsNotSuggestedAgainToEitherAgencyAndADecisionIsTakenOnce() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Zahra", "familyName": "Mohammadi", "estimatedAge": 11, "sex": "FEMALE"}""");
        Opened otaharin = open("amra.otaharin", """
                {"givenName": "Zahra", "familyName": "Muhamadi", "estimatedAge": 11, "sex": "FEMALE"}""");
        referral(kikinda, OTAHARIN);
        Object id = suggestionsFrom("ana.csr", kikinda.id(), OTAHARIN).get(0).get("id");

        decide("ana.csr", kikinda.id(), id, "rejection", null).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("linkId", nullValue());
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), OTAHARIN).isEmpty());
        assertTrue(suggestionsFrom("amra.otaharin", otaharin.id(), KIKINDA).isEmpty());
        links("ana.csr", kikinda.id()).statusCode(200).body("", hasSize(0));

        decide("ana.csr", kikinda.id(), id, "rejection", "again").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:match-already-decided"));
        decide("amra.otaharin", otaharin.id(), id, "confirmation", null).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(LinkingProblems.MATCH_ALREADY_DECIDED));
    }

    @Test
    void anotherAgencyNeitherSeesNorDecidesTheSuggestion() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Bilal", "familyName": "Haidari", "estimatedAge": 15, "sex": "MALE"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Bilal", "familyName": "Haydari", "estimatedAge": 15, "sex": "MALE"}""");
        Opened rods = open("marko.rod", """
                {"givenName": "Bilal", "familyName": "Haidari", "estimatedAge": 30, "sex": "MALE"}""");
        referral(kikinda, BIJELJINA);
        referral(kikinda, "udruzenje-rod");
        Object id = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).get(0).get("id");

        suggestions("marko.rod", kikinda.id()).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        links("marko.rod", kikinda.id()).statusCode(404).contentType(PROBLEM);
        decide("marko.rod", kikinda.id(), id, "confirmation", null).statusCode(404).contentType(PROBLEM);
        decide("marko.rod", rods.id(), id, "confirmation", null).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        decide("marko.rod", rods.id(), id, "rejection", null).statusCode(404).contentType(PROBLEM);
        decide("ana.csr", kikinda.id(), UUID.randomUUID(), "confirmation", null).statusCode(404).contentType(PROBLEM);
        decide("ana.csr", kikinda.id(), "not-a-uuid", "confirmation", null).statusCode(404).contentType(PROBLEM);
        // the other side of the pair decides on its own case only
        decide("senad.csr", kikinda.id(), id, "confirmation", null).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("petar.ministry")).when().get("/api/v1/cases/" + kikinda.id() + "/match-suggestions")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        given().when().get("/api/v1/cases/" + kikinda.id() + "/links").then().statusCode(401).contentType(PROBLEM);

        assertEquals(List.of(id), suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).stream().map(s -> s.get("id")).toList(),
                "still pending");
        assertEquals(List.of(id), suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA).stream().map(s -> s.get("id")).toList());
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), "udruzenje-rod").isEmpty(), "15 and 30 are not one age");
    }

    @Test
    void aNoteLongerThanAllowedIsA400NamingTheField() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Samir", "familyName": "Qaderi", "estimatedAge": 10, "sex": "MALE"}""");
        open("senad.csr", """
                {"givenName": "Samir", "familyName": "Kaderi", "estimatedAge": 10, "sex": "MALE"}""");
        referral(kikinda, BIJELJINA);
        Object id = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).get(0).get("id");
        decide("ana.csr", kikinda.id(), id, "confirmation", "x".repeat(1001)).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("note"));
        assertEquals(1, suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).size(), "nothing was decided");
    }

    @Test
    void onlyAgenciesWithAnActiveReferralAboutEitherRecordAreCompared() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Arash", "familyName": "Tavakoli", "dateOfBirth": "2011-10-12", "sex": "MALE"}""");
        Opened bijeljina = open("senad.csr", """
                {"givenName": "Arash", "familyName": "Tavakkoli", "dateOfBirth": "2011-10-12", "sex": "MALE"}""");

        // no referral between the agencies: a guessed name learns nothing, and the other child was not compared
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).isEmpty());
        assertTrue(suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA).isEmpty());
        assertEquals(0, auditRows(bijeljina.id(), "basis = 'RECORD_LINKING'"));

        // Bijeljina referred its case to Kikinda: both sides now compare the two records
        UUID referralId = referral(bijeljina.id(), BIJELJINA, KIKINDA, "ACKNOWLEDGED");
        List<Map<String, Object>> found = suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA);
        assertEquals(1, found.size());
        assertEquals(found.get(0).get("id"), suggestionsFrom("senad.csr", bijeljina.id(), KIKINDA).get(0).get("id"));
        assertEquals(1, auditRows(bijeljina.id(), "basis = 'RECORD_LINKING' and username = 'ana.csr' "
                + "and purpose = 'compared and shown to csr-kikinda as a possible match'"));
        assertEquals(1, auditRows(kikinda.id(), "basis = 'RECORD_LINKING' and username = 'senad.csr'"));

        // once the referral is closed, the records are not compared any more; the pending pair is kept, not shown
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update case_referral set status = 'COMPLETED' where referral_id = :id").setParameter("id", referralId)
                .executeUpdate());
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), BIJELJINA).isEmpty());
        assertEquals(1, ((Number) em.createNativeQuery("select count(*) from record_match where id = :id and status = 'SUGGESTED'")
                .setParameter("id", UUID.fromString((String) found.get(0).get("id"))).getSingleResult()).intValue());
    }

    @Test
    void aSupervisorSearchesEveryAgencyOnlyWithAPurposeAuditedOnBothSides() {
        Opened kikinda = open("ana.csr", """
                {"givenName": "Kian", "familyName": "Moradi", "dateOfBirth": "2014-01-21", "sex": "MALE"}""");
        Opened otaharin = open("amra.otaharin", """
                {"givenName": "Kijan", "familyName": "Moradi", "dateOfBirth": "2014-01-21", "sex": "MALE"}""");
        String purpose = "Police ask whether the boy is known to another agency";
        String path = "/api/v1/cases/" + kikinda.id() + "/match-suggestions";

        given().auth().oauth2(Tokens.of("ana.csr")).queryParam("purpose", purpose).when().get(path)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:supervisor-required"));
        given().auth().oauth2(Tokens.of("milica.supervisor")).queryParam("purpose", "x".repeat(151)).when().get(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("purpose"));
        assertTrue(suggestionsFrom("milica.supervisor", kikinda.id(), OTAHARIN).isEmpty(), "no purpose: no open search");

        List<Map<String, Object>> all = given().auth().oauth2(Tokens.of("milica.supervisor")).queryParam("purpose", purpose)
                .when().get(path).then().statusCode(200).extract().path("");
        List<Map<String, Object>> found = all.stream().filter(s -> OTAHARIN.equals(s.get("otherAgency"))).toList();
        assertEquals(1, found.size(), all.toString());
        assertEquals(1, auditRows(kikinda.id(), "username = 'milica.supervisor' and action = 'READ' "
                + "and purpose = 'match suggestions, open search: " + purpose + "'"));
        assertEquals(1, auditRows(otaharin.id(), "username = 'milica.supervisor' and basis = 'RECORD_LINKING' "
                + "and basis_id = '" + found.get(0).get("id") + "' and purpose like '%open search: " + purpose + ")'"));
        // the caseworkers without a referral between the agencies still do not see it
        assertTrue(suggestionsFrom("ana.csr", kikinda.id(), OTAHARIN).isEmpty());
        assertTrue(suggestionsFrom("amra.otaharin", otaharin.id(), KIKINDA).isEmpty());
    }

    @Test
    void theEndpointsAreDocumentedWithExamples() {
        given().accept(ContentType.JSON).when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/cases/{caseId}/match-suggestions'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/match-suggestions/{suggestionId}/confirmation'.post.responses.'409'",
                        notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/match-suggestions/{suggestionId}/rejection'.post", notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/links'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/links/{linkId}/dissolution'.post.requestBody.content."
                        + "'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/links/{linkId}/dissolution'.post.responses.'200'.content."
                        + "'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/cases/{caseId}/links/{linkId}/dissolution'.post.responses.'409'", notNullValue());
    }

    @Test
    void theDatabaseFoldsNamesAsJavaDoes() {
        for (String name : List.of("Mohammad Rahimi", "Yousef Khan", "Ameer Hassani", "Fatemeh Hosseini", "Abdullah",
                "Shirin Ghulami", "Džamal Qaderi", "Aly Wahidi", "Alexandar", "Ђорђе Јовановић", "Zhila Chaharbaghi",
                "Phillip Yaqoob|Ahmad Yar")) {
            String key = String.join("|", java.util.Arrays.stream(name.split("\\|")).map(Names::key).toList());
            Object folded = em.createNativeQuery("select linking_fold(:key)").setParameter("key", key).getSingleResult();
            assertEquals(NameFolding.fold(key), folded, name);
        }
    }
}
