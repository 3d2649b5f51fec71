package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/** The person in full, and the work on a case: steps, risk, plan, notes, documents. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseManagementTest {

    @Test
    void aPersonIsKeptInFullWithTheNameInBothScripts() {
        String id = as("ana.csr").body("""
                        {"person": {"givenName": "Дејан", "familyName": "Јовановић", "otherNames": ["Dejan Jovanovic"],
                                    "dateOfBirth": "2016-05-01", "sex": "MALE", "nationality": "RS",
                                    "languages": ["sr", "rom"], "legalStatus": "CITIZEN",
                                    "identifiers": [{"type": "JMBG", "value": "0105016 800011"}],
                                    "family": [{"relation": "MOTHER", "name": "Ljiljana Jovanović"}],
                                    "guardian": {"name": "Jovana Petrović", "agency": "csr-kikinda", "appointedOn": "2026-11-20"}},
                         "categories": ["CHILD_FOUND_BEGGING", "ROMA_FAMILY_IN_NEED"],
                         "risk": {"level": "HIGH", "reason": "Found begging at night at the bus station"}}""")
                .when().post("/api/v1/cases").then().statusCode(201)
                .body("step", equalTo("INTAKE"))
                .body("responsibleUser", equalTo("ana.csr"))
                .body("categories", contains("CHILD_FOUND_BEGGING", "ROMA_FAMILY_IN_NEED"))
                .body("risk.level", equalTo("HIGH"))
                .body("person.nameLatin", equalTo("Dejan Jovanović"))
                .body("person.nameCyrillic", equalTo("Дејан Јовановић"))
                .body("person.identifiers[0].value", equalTo("0105016800011"))
                .body("person.guardian.name", equalTo("Jovana Petrović"))
                .extract().path("id");
        as("ana.csr").when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("access", equalTo("OWNER"))
                .body("person.family[0].relation", equalTo("MOTHER"))
                .body("person.languages", contains("sr", "rom"));
    }

    @Test
    void anEstimatedAgeStandsInForAnUnknownDateOfBirth() {
        as("ana.csr").body("""
                        {"person": {"givenName": "Amir", "familyName": "H.", "estimatedAge": 14, "ageEstimatedOn": "2026-11-01",
                                    "sex": "MALE", "legalStatus": "UNDOCUMENTED", "interpreterNeeded": true, "languages": ["ps"]},
                         "category": "UNACCOMPANIED_MINOR"}""")
                .when().post("/api/v1/cases").then().statusCode(201)
                .body("person.birthYear", equalTo(2012))
                .body("person.dateOfBirth", nullValue())
                .body("person.interpreterNeeded", equalTo(true));
    }

    @Test
    void badPersonalDataIsA400NamingTheField() {
        String[][] cases = {
                {"\"identifiers\": [{\"type\": \"JMBG\", \"value\": \"0105016800012\"}], \"dateOfBirth\": \"2016-05-01\"",
                        "person.identifiers[0].value"},
                {"\"identifiers\": [{\"type\": \"JMBG\", \"value\": \"1207985710000\"}], \"dateOfBirth\": \"2016-05-01\"",
                        "person.identifiers[0].value"},
                {"\"dateOfBirth\": \"2999-01-01\"", "person.dateOfBirth"},
                {"\"dateOfBirth\": \"2016-05-01\", \"estimatedAge\": 9", "person.estimatedAge"},
                {"\"nationality\": \"Serbia\"", "person.nationality"},
                {"\"languages\": [\"Serbian\"]", "person.languages[0]"},
                {"\"legalStatus\": \"ALIEN\"", "person.legalStatus"},
                {"\"estimatedAge\": -1", "person.estimatedAge"},
        };
        for (String[] c : cases) {
            as("ana.csr").body("""
                            {"person": {"givenName": "X", "familyName": "Y", "sex": "MALE", %s},
                             "category": "RETURNEE"}""".formatted(c[0]))
                    .when().post("/api/v1/cases").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:uputnica:problem:validation"))
                    .body("errors.field", hasItem(c[1]));
        }
        as("ana.csr").body("""
                        {"person": {"givenName": "X", "familyName": "Y", "sex": "MALE"}, "categories": ["RETURNEE", "HOMELESS"]}""")
                .when().post("/api/v1/cases").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("categories[1]"));
        as("ana.csr").body("""
                        {"person": {"givenName": "X", "familyName": "Y", "sex": "MALE"}}""")
                .when().post("/api/v1/cases").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void aCaseMovesThroughItsStepsClosesWithAReasonAndOnlyASupervisorReopensIt() {
        String id = openCase("ana.csr", "Mila", "Nikolić");
        as("ana.csr").body("{\"step\": \"PLANNING\"}").when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:illegal-step"));
        as("ana.csr").body("{\"step\": \"ASSESSMENT\"}").when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(200).body("step", equalTo("ASSESSMENT"));
        as("ana.csr").body("{\"step\": \"CLOSED\"}").when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(400).body("errors.field", hasItem("closureReason"));
        as("ana.csr").body("{\"step\": \"CLOSED\", \"closureReason\": \"MOVED_AWAY\", \"note\": \"Family left for Novi Sad\"}")
                .when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(200).body("closure.reason", equalTo("MOVED_AWAY")).body("closure.closedAt", notNullValue());
        as("ana.csr").body("{\"step\": \"ASSESSMENT\"}").when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:supervisor-required"));
        as("milica.supervisor").body("{\"step\": \"ASSESSMENT\", \"note\": \"Family is back\"}")
                .when().post("/api/v1/cases/" + id + "/steps").then().statusCode(200).body("closure", nullValue());
        as("ana.csr").when().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("kind", everyItemIs("STEP"))
                .body("to", contains("INTAKE", "ASSESSMENT", "CLOSED", "ASSESSMENT"));
        as("marko.rod").body("{\"step\": \"ASSESSMENT\"}").when().post("/api/v1/cases/" + id + "/steps")
                .then().statusCode(404).contentType(PROBLEM);
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void aChangeWithAnOldVersionIsRefusedAndAChangeKeepsWhatWasLeftOut() {
        String id = openCase("ana.csr", "Sara", "Stojanović");
        String etag = as("ana.csr").when().get("/api/v1/cases/" + id).then().statusCode(200).extract().header("ETag");
        as("ana.csr").header("If-Match", etag)
                .body("{\"risk\": {\"level\": \"CRITICAL\", \"reason\": \"Seen with an adult suspected of trafficking\"}}")
                .when().patch("/api/v1/cases/" + id).then().statusCode(200)
                .body("risk.level", equalTo("CRITICAL")).body("risk.assessedBy", equalTo("ana.csr"))
                .body("categories", contains("CHILD_FOUND_BEGGING"));
        as("ana.csr").header("If-Match", etag).body("{\"supervisorUser\": \"milica.supervisor\"}")
                .when().patch("/api/v1/cases/" + id).then().statusCode(412).contentType(PROBLEM);
        as("ana.csr").body("{\"risk\": {\"level\": \"EXTREME\", \"reason\": \"x\"}}")
                .when().patch("/api/v1/cases/" + id).then().statusCode(400).body("errors.field", hasItem("risk.level"));
        as("ana.csr").body("""
                        {"givenName": "Sara", "familyName": "Stojanović", "sex": "FEMALE", "dateOfBirth": "2012-04-02",
                         "contacts": [{"kind": "ADDRESS", "value": "Kikinda, Braće Tatić 4"}]}""")
                .when().put("/api/v1/cases/" + id + "/person").then().statusCode(200)
                .body("person.contacts[0].kind", equalTo("ADDRESS")).body("person.languages", empty())
                .body("risk.level", equalTo("CRITICAL"));
    }

    @Test
    void thePlanHasGoalsWithTasks() {
        String id = openCase("ana.csr", "Luka", "Marković");
        String goalId = as("ana.csr").body("{\"title\": \"Regular school attendance\"}")
                .when().post("/api/v1/cases/" + id + "/plan/goals").then().statusCode(201)
                .body("goals", hasSize(1)).extract().path("goals[0].id");
        String taskId = as("ana.csr").body("{\"title\": \"Enrol in the after-school programme\", \"responsibleAgency\": \"udruzenje-rod\", \"dueOn\": \"2026-12-15\"}")
                .when().post("/api/v1/cases/" + id + "/plan/goals/" + goalId + "/tasks").then().statusCode(201)
                .body("goals[0].tasks[0].responsibleAgency", equalTo("udruzenje-rod"))
                .extract().path("goals[0].tasks[0].id");
        // a date is YYYY-MM-DD: a year of more than four digits (which java.time reads, and the database cannot store)
        // is a 400 naming the field
        for (String date : new String[] {"+99999999-01-01", "20260-12-15", "-2026-12-15"}) {
            as("ana.csr").body("{\"dueOn\": \"" + date + "\"}").when().patch("/api/v1/cases/" + id + "/plan/tasks/" + taskId)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("dueOn"));
        }
        as("ana.csr").body("{\"status\": \"DONE\"}").when().patch("/api/v1/cases/" + id + "/plan/tasks/" + taskId)
                .then().statusCode(200).body("goals[0].tasks[0].status", equalTo("DONE"))
                .body("goals[0].tasks[0].doneAt", notNullValue());
        as("ana.csr").body("{\"status\": \"ACHIEVED\"}").when().patch("/api/v1/cases/" + id + "/plan/goals/" + goalId)
                .then().statusCode(200).body("goals[0].status", equalTo("ACHIEVED"));
        as("ana.csr").body("{\"status\": \"FINISHED\"}").when().patch("/api/v1/cases/" + id + "/plan/goals/" + goalId)
                .then().statusCode(400).contentType(PROBLEM);
        as("marko.rod").when().get("/api/v1/cases/" + id + "/plan").then().statusCode(404);
    }

    @Test
    void aConfidentialNoteIsReadOnlyByItsAuthorAndTheSupervisors() {
        String id = openCase("ana.csr", "Ema", "Kovač");
        as("ana.csr").body("{\"text\": \"Home visit, all well\", \"confidential\": false}")
                .when().post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        as("milica.supervisor").body("{\"text\": \"Suspected abuse by the stepfather\", \"confidential\": true}")
                .when().post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        as("ana.csr").when().get("/api/v1/cases/" + id + "/notes").then().statusCode(200)
                .body("text", contains("Home visit, all well"));
        as("milica.supervisor").when().get("/api/v1/cases/" + id + "/notes").then().statusCode(200)
                .body("text", hasSize(2));
        as("ana.csr").body("{\"text\": \"\"}").when().post("/api/v1/cases/" + id + "/notes")
                .then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void aDocumentIsStoredWithItsChecksumAndAConfidentialOneIsHidden() {
        String id = openCase("ana.csr", "Iva", "Ilić");
        byte[] pdf = "%PDF-1.4 consent form".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String docId = as("ana.csr").contentType("application/pdf").body(pdf)
                .when().post("/api/v1/cases/" + id + "/documents?name=consent.pdf").then().statusCode(201)
                .body("sha256", equalTo(sha256(pdf))).body("sizeBytes", equalTo(pdf.length))
                .extract().path("id");
        byte[] back = as("ana.csr").when().get("/api/v1/cases/" + id + "/documents/" + docId + "/content")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, back);
        String secret = as("milica.supervisor").contentType("text/plain").body("medical report")
                .when().post("/api/v1/cases/" + id + "/documents?name=report.txt&confidential=true").then().statusCode(201)
                .extract().path("id");
        as("ana.csr").when().get("/api/v1/cases/" + id + "/documents").then().statusCode(200)
                .body("id", contains(docId)).body("id", not(hasItem(secret)));
        as("ana.csr").when().get("/api/v1/cases/" + id + "/documents/" + secret + "/content").then().statusCode(404);
        as("ana.csr").contentType("text/plain").body("x").when().post("/api/v1/cases/" + id + "/documents")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        as("marko.rod").when().get("/api/v1/cases/" + id + "/documents/" + docId + "/content").then().statusCode(404);
    }

    @Test
    void anEmptyOrBrokenDocumentIsRefusedButOnlyToWhoMayAddOne() {
        String id = openCase("ana.csr", "Jana", "Jović");
        String url = "/api/v1/cases/" + id + "/documents?name=form.json";
        as("ana.csr").contentType("text/plain").body(new byte[0]).when().post(url)
                .then().statusCode(400).body("errors.field", hasItem("body"));
        for (String notOneObject : new String[] {"[]", "\"a string\"", "{\"a\": 1} {}", "{\"a\" 1}"}) {
            as("ana.csr").contentType("application/json").body(notOneObject).when().post(url)
                    .then().statusCode(400).body("errors.field", hasItem("body"));
        }
        as("ana.csr").contentType("application/json").body("{\"a\": 1}").when().post(url).then().statusCode(201);
        // another agency learns nothing from its bad body: the case is simply not there for it
        as("marko.rod").contentType("application/json").body("[]").when().post(url).then().statusCode(404);
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theListShowsYourAgencysCasesOnly() {
        String mine = openCase("ana.csr", "Nada", "Petrović");
        String theirs = openCase("senad.csr", "Nada", "Petrović");
        as("ana.csr").when().get("/api/v1/cases?size=200").then().statusCode(200)
                .body("id", hasItem(mine)).body("id", not(hasItem(theirs)));
        as("ana.csr").when().get("/api/v1/cases?step=NOWHERE").then().statusCode(400).contentType(PROBLEM);
        as("petar.ministry").when().get("/api/v1/cases").then().statusCode(403).contentType(PROBLEM);
    }
}
