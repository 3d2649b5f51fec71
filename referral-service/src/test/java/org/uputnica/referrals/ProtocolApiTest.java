package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.uputnica.referrals.TestReferrals.PROBLEM;

/**
 * Protocols over HTTP with real tokens: reading the seeds, publishing versions (who may, with what input), which
 * protocol governs a referral, the version each referral keeps, and the data a protocol requires.
 * <p>
 * Keepers in the demo realm: jelena.coordinator (Kikinda working group), mirza.coordinator (Bijeljina working group);
 * in tests nina.admin (agency admin of Udruzenje ROD) stands in for the ministry's admin for national protocols.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class ProtocolApiTest extends WithKafka {
    static final String VALIDATION = "urn:uputnica:problem:validation";
    static final String NOT_KEEPER = "urn:uputnica:problem:not-protocol-keeper";

    static ValidatableResponse publish(String user, String code, String ifMatch, String body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/protocols/" + code + "/versions").then();
    }

    static String protocol(String lead, String scope, String deadlines, String required) {
        return """
                {"name": "Test protocol", "description": "for a test", "leadAgency": "%s", "notifyAgencies": [],
                 "scope": %s, "deadlines": %s, "requiredSharedData": %s}""".formatted(lead, scope, deadlines, required);
    }

    static String referralBody(UUID caseId, String toAgency, String service, String urgency, String data) {
        return """
                {"caseId": "%s", "toAgency": "%s", "service": "%s", "urgency": "%s", "reason": "protocol test",
                 "sharing": {"basis": "CONSENT", "consentId": "%s", "data": %s}}"""
                .formatted(caseId, toAgency, service, urgency, TestReferrals.consentOf(caseId, toAgency), data);
    }

    static Map<String, Object> referral(String user, String id) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    static Duration acknowledgeWindow(String user, String id) {
        Map<String, Object> r = referral(user, id);
        List<Map<String, Object>> deadlines = given().auth().oauth2(Tokens.of(user))
                .when().get("/api/v1/referrals/" + id + "/deadlines").then().statusCode(200)
                .extract().jsonPath().getList("");
        Map<String, Object> acknowledge = deadlines.stream().filter(d -> "ACKNOWLEDGE".equals(d.get("kind")))
                .findFirst().orElseThrow();
        return Duration.between(Instant.from(OffsetDateTime.parse((String) r.get("sentAt"))),
                Instant.from(OffsetDateTime.parse((String) acknowledge.get("dueAt"))));
    }

    @Test
    void theSeededProtocolsAreReadableAndTheDefaultCarriesTheFormsPriorities() {
        given().auth().oauth2(Tokens.of("petar.ministry")).when().get("/api/v1/protocols")
                .then().statusCode(200)
                .body("code", hasItems("national-default", "sop-unaccompanied-children", "kikinda-children-begging",
                        "bijeljina-children-begging"))
                .body("find { it.code == 'national-default' }.fallback", equalTo(true))
                .body("find { it.code == 'kikinda-children-begging' }.fallback", equalTo(false))
                .body("find { it.code == 'kikinda-children-begging' }.scope.workingGroup",
                        equalTo("kikinda-child-protection"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/national-default")
                .then().statusCode(200)
                .header("ETag", containsString("1"))
                .body("version", equalTo(1))
                .body("current", equalTo(true))
                .body("leadAgency", equalTo("minrzs"))
                .body("deadlines.EMERGENCY.acknowledge", equalTo("PT24H"))
                .body("deadlines.URGENT.acknowledge", equalTo("PT72H"))
                .body("deadlines.ROUTINE.acknowledge", equalTo("P14D"))
                .body("deadlines.EMERGENCY.respond", equalTo("PT48H"))
                .body("deadlines.URGENT.respond", equalTo("P5D"))
                .body("deadlines.ROUTINE.respond", equalTo("P21D"))
                .body("deadlines.EMERGENCY.firstContact", equalTo("PT24H"))
                .body("deadlines.URGENT.firstContact", equalTo("P7D"))
                .body("deadlines.ROUTINE.firstContact", equalTo("P30D"))
                .body("deadlines.URGENT.escalateAfter", equalTo("PT72H"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/sop-unaccompanied-children/versions/1")
                .then().statusCode(200)
                .body("scope.services", containsInAnyOrder("GUARDIANSHIP", "FAMILY_TRACING"))
                .body("requiredSharedData", hasItems("IDENTITY", "DATE_OF_BIRTH", "LANGUAGE", "LEGAL_STATUS"))
                .body("notifyAgencies", containsInAnyOrder("iom-serbia", "kirs"));

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/national-default/versions/abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("version"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/national-default/versions/0")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/national-default/versions/99")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/no-such-protocol")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/protocols").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aLocalProtocolGovernsItsGroupsReferralsAndEveryReferralKeepsTheVersionItWasSentUnder() {
        String code = "bijeljina-interpretation";
        publish("mirza.coordinator", code, null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"INTERPRETATION\"]}",
                "{\"URGENT\": {\"acknowledge\": \"pt6h\", \"respond\": \"PT12H\", \"firstContact\": \"P2D\", "
                        + "\"escalateAfter\": \"PT6H\"}}", "[\"IDENTITY\"]"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/protocols/" + code + "/versions/1"))
                .header("ETag", containsString("1"))
                .body("version", equalTo(1))
                .body("current", equalTo(true))
                .body("createdBy", equalTo("mirza.coordinator"))
                .body("deadlines.URGENT.acknowledge", equalTo("PT6H"))
                .body("deadlines.EMERGENCY.acknowledge", equalTo("PT24H")) // left out: the form's default
                .body("deadlines.ROUTINE.respond", equalTo("P21D"));

        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-bijeljina");
        String first = TestReferrals.send("senad.csr",
                referralBody(caseId, "otaharin", "INTERPRETATION", "URGENT", "[\"IDENTITY\"]"));
        assertEquals(code, referral("senad.csr", first).get("protocolCode"));
        assertEquals(1, referral("senad.csr", first).get("protocolVersion"));
        assertEquals(Duration.ofHours(6), acknowledgeWindow("senad.csr", first));

        String v2 = protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"INTERPRETATION\"]}",
                "{\"URGENT\": {\"acknowledge\": \"PT3H\", \"respond\": \"PT12H\"}}", "[\"IDENTITY\", \"LANGUAGE\"]");
        publish("mirza.coordinator", code, "\"1\"", v2).statusCode(201).body("version", equalTo(2));
        publish("mirza.coordinator", code, "\"1\"", v2).statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:stale-version"));
        publish("mirza.coordinator", code, "yesterday", v2).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("If-Match"));

        // version 2 requires the language too: a referral without it is refused, and nothing is sent
        given().auth().oauth2(Tokens.of("senad.csr")).contentType(ContentType.JSON)
                .body(referralBody(caseId, "otaharin", "INTERPRETATION", "URGENT", "[\"IDENTITY\"]"))
                .when().post("/api/v1/referrals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:protocol-requirements-unmet"))
                .body("errors[0].field", equalTo("sharing.data"))
                .body("errors[0].message", containsString("LANGUAGE"));
        given().auth().oauth2(Tokens.of("amra.otaharin")).when().get("/api/v1/referrals?direction=INCOMING&size=200")
                .then().statusCode(200).body("items.findAll { it.caseId == '" + caseId + "' }.size()", equalTo(1));

        String second = TestReferrals.send("senad.csr",
                referralBody(caseId, "otaharin", "INTERPRETATION", "URGENT", "[\"IDENTITY\", \"LANGUAGE\"]"));
        assertEquals(2, referral("senad.csr", second).get("protocolVersion"));
        assertEquals(Duration.ofHours(3), acknowledgeWindow("senad.csr", second));
        // the first keeps version 1, which still reads as it did
        assertEquals(1, referral("senad.csr", first).get("protocolVersion"));
        given().auth().oauth2(Tokens.of("senad.csr")).when().get("/api/v1/protocols/" + code + "/versions/1")
                .then().statusCode(200).body("deadlines.URGENT.acknowledge", equalTo("PT6H"))
                .body("current", equalTo(false)).body("requiredSharedData", equalTo(List.of("IDENTITY")));
        given().auth().oauth2(Tokens.of("senad.csr")).when().get("/api/v1/protocols/" + code)
                .then().statusCode(200).body("version", equalTo(2)).header("ETag", containsString("2"));
        given().auth().oauth2(Tokens.of("senad.csr")).when().get("/api/v1/protocols/" + code + "/versions")
                .then().statusCode(200).body("version", equalTo(List.of(1, 2)));

        // another service of the same group falls to the group's protocol for it
        String begging = TestReferrals.send("senad.csr",
                referralBody(caseId, "otaharin", "PSYCHOSOCIAL_SUPPORT", "URGENT", "[\"IDENTITY\"]"));
        assertEquals("bijeljina-children-begging", referral("senad.csr", begging).get("protocolCode"));
    }

    @Test
    void theMostSpecificProtocolGovernsAndTheDefaultCoversTheRest() {
        // a national protocol for a service, published by a national keeper
        publish("nina.admin", "national-material-assistance", null, protocol("udruzenje-rod",
                "{\"services\": [\"MATERIAL_ASSISTANCE\"]}", "{\"ROUTINE\": {\"acknowledge\": \"P2W\"}}", "[]"))
                .statusCode(201).body("scope.workingGroup", equalTo(null))
                .body("deadlines.ROUTINE.acknowledge", equalTo("P2W"));

        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        // in the Kikinda group the group's protocol is more specific than the national one for the service
        String local = TestReferrals.send("ana.csr",
                referralBody(caseId, "udruzenje-rod", "MATERIAL_ASSISTANCE", "ROUTINE", "[\"IDENTITY\"]"));
        assertEquals("kikinda-children-begging", referral("ana.csr", local).get("protocolCode"));
        // between two groups' agencies (no common group) the national one for the service applies
        String national = TestReferrals.send("ana.csr",
                referralBody(caseId, "csr-bijeljina", "MATERIAL_ASSISTANCE", "ROUTINE", "[\"IDENTITY\"]"));
        assertEquals("national-material-assistance", referral("ana.csr", national).get("protocolCode"));
        assertEquals(Duration.ofDays(14), acknowledgeWindow("ana.csr", national));
        // a service that nothing else covers falls to the default
        String fallback = TestReferrals.send("ana.csr",
                referralBody(caseId, "csr-bijeljina", "LEGAL_AID", "ROUTINE", "[\"IDENTITY\"]"));
        assertEquals("national-default", referral("ana.csr", fallback).get("protocolCode"));
        // the SOP for unaccompanied children governs guardianship and requires what a guardian needs to know
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(referralBody(caseId, "iom-serbia", "GUARDIANSHIP", "EMERGENCY", "[\"IDENTITY\"]"))
                .when().post("/api/v1/referrals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:protocol-requirements-unmet"));
        String sop = TestReferrals.send("ana.csr", referralBody(caseId, "iom-serbia", "GUARDIANSHIP", "EMERGENCY",
                "[\"IDENTITY\", \"DATE_OF_BIRTH\", \"LANGUAGE\", \"LEGAL_STATUS\"]"));
        assertEquals("sop-unaccompanied-children", referral("ana.csr", sop).get("protocolCode"));
        assertEquals(Duration.ofHours(12), acknowledgeWindow("ana.csr", sop));
    }

    @Test
    void onlyItsKeeperPublishesAProtocol() {
        String lawful = protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"LEGAL_AID\"]}", "{}", "[]");
        publish("ana.csr", "bijeljina-legal-aid", null, lawful).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:forbidden"));
        publish("jelena.coordinator", "bijeljina-legal-aid", null, lawful).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(NOT_KEEPER));
        publish("nina.admin", "bijeljina-legal-aid", null, lawful).statusCode(403).body("type", equalTo(NOT_KEEPER));
        publish("mirza.coordinator", "bijeljina-legal-aid", null, lawful).statusCode(201);
        // nobody takes a protocol over by re-scoping it to what they keep
        publish("jelena.coordinator", "bijeljina-legal-aid", null, protocol("csr-kikinda",
                "{\"workingGroup\": \"kikinda-child-protection\", \"services\": [\"LEGAL_AID\"]}", "{}", "[]"))
                .statusCode(403).body("type", equalTo(NOT_KEEPER));
        publish("nina.admin", "bijeljina-legal-aid", null, protocol("udruzenje-rod",
                "{\"services\": [\"LEGAL_AID\"]}", "{}", "[]"))
                .statusCode(403).body("type", equalTo(NOT_KEEPER));
        // a coordinator keeps her group's protocols (a new one here: the seeded ones govern other tests' referrals)
        publish("jelena.coordinator", "kikinda-family-tracing", null, protocol("csr-kikinda",
                "{\"workingGroup\": \"kikinda-child-protection\", \"services\": [\"FAMILY_TRACING\"]}", "{}",
                "[\"IDENTITY\"]"))
                .statusCode(201).body("version", equalTo(1));
        publish("jelena.coordinator", "kikinda-family-tracing", "\"1\"", protocol("csr-kikinda",
                "{\"workingGroup\": \"kikinda-child-protection\", \"services\": [\"FAMILY_TRACING\"]}", "{}",
                "[\"IDENTITY\", \"FAMILY\"]"))
                .statusCode(201).body("version", equalTo(2));
        // ... and national ones are not hers, nor are a working group's an agency admin's
        publish("jelena.coordinator", "national-default", null, protocol("minrzs", "null", "{}", "[]"))
                .statusCode(403).body("type", equalTo(NOT_KEEPER));
        publish("nina.admin", "kikinda-children-begging", null, protocol("csr-kikinda",
                "{\"workingGroup\": \"kikinda-child-protection\"}", "{}", "[]"))
                .statusCode(403).body("type", equalTo(NOT_KEEPER));
        given().auth().oauth2(Tokens.of("nina.admin")).when().get("/api/v1/protocols/kikinda-children-begging")
                .then().body("version", equalTo(1));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().put("/api/v1/protocols/national-default/versions/1")
                .then().statusCode(405);
        given().auth().oauth2(Tokens.of("jelena.coordinator"))
                .when().delete("/api/v1/protocols/national-default/versions/1")
                .then().statusCode(405);
    }

    @Test
    void twoPublicationsAtOnceGetConsecutiveVersions() throws Exception {
        String body = protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"HEALTH_CARE\"]}", "{}", "[]");
        String token = Tokens.of("mirza.coordinator");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<Integer> publishOne = () -> {
            start.await();
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/protocols/bijeljina-health/versions")
                    .then().statusCode(201).extract().path("version");
        };
        var first = pool.submit(publishOne);
        var second = pool.submit(publishOne);
        start.countDown();
        List<Integer> versions = new java.util.ArrayList<>(List.of(first.get(), second.get()));
        pool.shutdown();
        java.util.Collections.sort(versions);
        assertEquals(List.of(1, 2), versions, "a new protocol created twice at once: versions 1 and 2");
        given().auth().oauth2(token).when().get("/api/v1/protocols/bijeljina-health/versions")
                .then().statusCode(200).body("version", equalTo(List.of(1, 2)))
                .body("current", equalTo(List.of(false, true)));
    }

    @Test
    void aProtocolMayNotOverlapAnotherAtTheSameLevel() {
        // the Bijeljina protocol already governs education in its group
        publish("mirza.coordinator", "bijeljina-schools", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"EDUCATION\", \"SHELTER\"]}",
                "{}", "[]"))
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:protocol-scope-overlap"))
                .body("detail", containsString("bijeljina-children-begging"))
                .body("detail", containsString("EDUCATION"))
                .body("errors[0].field", equalTo("scope"));
        // the SOP already governs guardianship nationally
        publish("nina.admin", "national-guardianship", null, protocol("udruzenje-rod",
                "{\"services\": [\"GUARDIANSHIP\"]}", "{}", "[]"))
                .statusCode(409).body("detail", containsString("sop-unaccompanied-children"));
        // a whole-group protocol sits at another level than the group's protocol for some services: allowed
        publish("mirza.coordinator", "bijeljina-general", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\"}", "{}", "[]"))
                .statusCode(201);
        publish("mirza.coordinator", "bijeljina-general-2", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\"}", "{}", "[]"))
                .statusCode(409).body("detail", containsString("bijeljina-general"));
        // ... and the group's protocol for a service still wins over it
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-bijeljina");
        String begging = TestReferrals.send("senad.csr",
                referralBody(caseId, "otaharin", "EDUCATION", "ROUTINE", "[\"IDENTITY\"]"));
        assertEquals("bijeljina-children-begging", referral("senad.csr", begging).get("protocolCode"));
        String general = TestReferrals.send("senad.csr",
                referralBody(caseId, "otaharin", "SHELTER", "ROUTINE", "[\"IDENTITY\"]"));
        assertEquals("bijeljina-general", referral("senad.csr", general).get("protocolCode"));
    }

    @Test
    void badInputIsA400NamingEveryBadField() {
        publish("mirza.coordinator", "bijeljina-bad", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\"}", """
                        {"URGENT": {"acknowledge": "72 hours"}, "EMERGENCY": {"respond": "P1M"},
                         "ROUTINE": {"firstContact": "-PT1H", "respond": "PT1H"}}""", "[]"))
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", containsInAnyOrder("deadlines.URGENT.acknowledge", "deadlines.EMERGENCY.respond",
                        "deadlines.ROUTINE.firstContact", "deadlines.ROUTINE.respond"))
                .body("errors.find { it.field == 'deadlines.URGENT.acknowledge' }.message",
                        containsString("ISO-8601"))
                .body("errors.find { it.field == 'deadlines.EMERGENCY.respond' }.message", containsString("months"))
                .body("errors.find { it.field == 'deadlines.ROUTINE.firstContact' }.message", containsString("positive"))
                .body("errors.find { it.field == 'deadlines.ROUTINE.respond' }.message",
                        containsString("shorter than acknowledge"));
        publish("mirza.coordinator", "bijeljina-bad", null, """
                {"name": "x", "leadAgency": "nobody", "notifyAgencies": ["otaharin", "ghost"],
                 "scope": {"workingGroup": "atlantis"}}""")
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("leadAgency", "notifyAgencies[1]", "scope.workingGroup"));
        publish("mirza.coordinator", "bijeljina-bad", null, "{\"leadAgency\": \"csr-bijeljina\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        publish("nina.admin", "everything", null, protocol("udruzenje-rod", "{}", "{}", "[]"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("scope")));
        publish("nina.admin", "national-default", null, protocol("minrzs", "{\"services\": [\"SHELTER\"]}", "{}", "[]"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("scope")));
        publish("mirza.coordinator", "Bad Code", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\"}", "{}", "[]"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("code"));
        publish("mirza.coordinator", "bijeljina-bad", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\"}", "{\"SOON\": {\"acknowledge\": \"PT1H\"}}", "[]"))
                .statusCode(400).contentType(PROBLEM).body("type", equalTo(VALIDATION));
        publish("mirza.coordinator", "bijeljina-bad", null, protocol("csr-bijeljina",
                "{\"workingGroup\": \"bijeljina-child-protection\", \"services\": [\"JUGGLING\"]}", "{}", "[]"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("scope.services[0]"));
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get("/api/v1/protocols/bijeljina-bad")
                .then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() {
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update protocol_deadline set acknowledge = 'PT1H' "
                        + "where urgency = 'URGENT'").executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from protocol_required_data").executeUpdate()));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/protocols/national-default/versions/1")
                .then().body("deadlines.URGENT.acknowledge", equalTo("PT72H"));
    }

    @Test
    void theOpenApiDocumentDescribesProtocolsAndDeadlinesWithExamples() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/protocols/{code}/versions"))
                .body("paths", hasKey("/api/v1/protocols/{code}/versions/{version}"))
                .body("paths", hasKey("/api/v1/referrals/{id}/deadlines"))
                .body("paths", hasKey("/api/v1/working-groups/{code}/overdue"))
                .body("paths.'/api/v1/protocols/{code}/versions'.post.requestBody.content.'application/json'.examples",
                        hasKey("tighter deadlines for the Kikinda protocol"))
                .body("paths.'/api/v1/protocols/{code}/versions'.post.responses.'400'.content.'application/problem+json'.examples",
                        hasKey("invalid duration"));
    }

    /** The kinds of shared data are one enum in the contract, with the codes clients and stored rows use. */
    @Test
    void theOpenApiDocumentListsTheKindsOfSharedDataOnce() {
        String shared = "#/components/schemas/SharedData";
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.SharedData.type", equalTo("string"))
                .body("components.schemas.SharedData.enum", equalTo(List.of("IDENTITY", "NATIONAL_ID", "DATE_OF_BIRTH", "CONTACT",
                        "LANGUAGE", "LEGAL_STATUS", "FAMILY", "HEALTH", "RISK_ASSESSMENT", "CASE_SUMMARY")))
                .body("components.schemas.Sharing.properties.data.items.'$ref'", equalTo(shared))
                .body("components.schemas.SharingView.properties.data.items.'$ref'", equalTo(shared))
                .body("components.schemas.NewVersion.properties.requiredSharedData.items.'$ref'", equalTo(shared));
    }
}
