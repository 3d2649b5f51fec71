package org.uputnica.referrals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.referral;
import static org.uputnica.referrals.TestReferrals.send;

/** Other test classes add referrals to the same group on the same day, so this test compares before and after. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class GroupStatisticsTest {
    static final String STATS = "/api/v1/working-groups/kikinda-child-protection/statistics";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    static JsonPath stats(String user) {
        return given().auth().oauth2(Tokens.of(user)).when().get(STATS).then().statusCode(200).extract().jsonPath();
    }

    static long n(JsonPath p, String path) {
        Number value = p.get(path);
        return value == null ? 0 : value.longValue();
    }

    @Test
    void theCoordinatorSeesHerGroupsFiguresAndTheAnalystTooButNooneElse() {
        UUID caseId;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        }
        JsonPath before = stats("jelena.coordinator");

        String done = send("ana.csr", referral(caseId, "udruzenje-rod"));
        action("marko.rod", done, "acknowledge", null).statusCode(200);
        action("marko.rod", done, "accept", null).statusCode(200);
        action("marko.rod", done, "complete", "{\"outcome\": \"PROVIDED\"}").statusCode(200);
        String declined = send("ana.csr", referral(caseId, "iom-serbia"));
        action("ivana.iom", declined, "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"full\"}").statusCode(200);
        send("ana.csr", referral(caseId, "kirs"));
        given().auth().oauth2(Tokens.of("milica.supervisor")).contentType(ContentType.JSON)
                .body(referral(caseId, "kirs").replace(TestReferrals.consentTo(caseId, "kirs"),
                        TestReferrals.LEGAL_BASIS))
                .when().post("/api/v1/referrals").then().statusCode(201);

        JsonPath after = stats("jelena.coordinator");
        assertEquals(4, n(after, "referrals") - n(before, "referrals"));
        assertEquals(1, n(after, "byStatus.COMPLETED") - n(before, "byStatus.COMPLETED"));
        assertEquals(1, n(after, "byStatus.DECLINED") - n(before, "byStatus.DECLINED"));
        assertEquals(2, n(after, "byStatus.SENT") - n(before, "byStatus.SENT"));
        assertEquals(1, n(after, "byOutcome.PROVIDED") - n(before, "byOutcome.PROVIDED"));
        assertEquals(1, n(after, "declineReasons.NO_CAPACITY") - n(before, "declineReasons.NO_CAPACITY"));
        assertEquals(1, n(after, "sharedWithoutConsent") - n(before, "sharedWithoutConsent"));
        assertEquals(4, n(after, "byService.PSYCHOSOCIAL_SUPPORT") - n(before, "byService.PSYCHOSOCIAL_SUPPORT"));
        assertEquals(2, n(after, "agencies.find { it.agency == 'kirs' }.received")
                - n(before, "agencies.find { it.agency == 'kirs' }.received"));
        Number rodAck = after.get("agencies.find { it.agency == 'udruzenje-rod' }.medianHoursToAcknowledge");
        assertTrue(rodAck != null && rodAck.doubleValue() >= 0, "time to acknowledge is measured");
        String body = after.prettify();
        assertTrue(!body.contains("Dijete") && !body.contains("signed form"), "figures carry no free text");

        given().auth().oauth2(Tokens.of("petar.ministry")).when().get(STATS).then().statusCode(200);
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get(STATS).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get(STATS).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void theFiguresExportAsCsv() throws IOException {
        UUID caseId;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        }
        send("ana.csr", referral(caseId, "udruzenje-rod"));
        String csv = given().auth().oauth2(Tokens.of("jelena.coordinator")).when()
                .get(STATS + "/agencies.csv?from=2026-01-01")
                .then().statusCode(200)
                .contentType(equalToIgnoringCase("text/csv; charset=UTF-8"))
                .header("Content-Disposition", containsString("kikinda-child-protection-2026-01-01-"))
                .extract().asString();

        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> lines;
        try (MappingIterator<Map<String, String>> read = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            lines = read.readAll();
        }
        assertEquals(List.of("agency", "received", "acknowledged", "accepted", "declined", "completed", "open",
                "median_hours_to_acknowledge", "p90_hours_to_acknowledge", "median_hours_to_answer",
                "p90_hours_to_answer"), List.copyOf(lines.get(0).keySet()));
        Map<String, String> rod = lines.stream().filter(l -> l.get("agency").equals("udruzenje-rod")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for udruzenje-rod in " + csv));
        assertTrue(Long.parseLong(rod.get("received")) >= 1, csv);
    }

    @Test
    void badPeriodsAndUnknownGroupsAreClearErrors() {
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get(STATS + "?from=yesterday")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
        // a year of more than four digits parses in java.time but is out of the database's range
        given().auth().oauth2(Tokens.of("jelena.coordinator")).queryParam("from", "+99999999-01-01")
                .when().get(STATS).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get(STATS + "?from=2026-05-02&to=2026-05-01")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("petar.ministry")).when().get("/api/v1/working-groups/nowhere/statistics")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-found"));
    }
}
