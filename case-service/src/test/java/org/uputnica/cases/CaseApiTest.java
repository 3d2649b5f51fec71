package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseApiTest {
    static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL root;

    static String newCase(String givenName) {
        return """
                {"person": {"givenName": "%s", "familyName": "Hasani", "dateOfBirth": "2011-03-14", "sex": "MALE"},
                 "category": "UNACCOMPANIED_MINOR"}""".formatted(givenName);
    }

    String open(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .extract().path("id");
    }

    @Test
    void aCaseworkerOpensACaseThatHerAgencyOwnsAndItIsAnnouncedWithoutPersonalData() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());

            String id = given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(newCase("Amir"))
                    .when().post("/api/v1/cases")
                    .then().statusCode(201)
                    .header("Location", startsWith("http"))
                    .body("ownerAgency", equalTo("csr-kikinda"))
                    .body("reference", matchesPattern("CSR-KIKINDA-\\d{4}-\\d{5}"))
                    .body("person.givenName", equalTo("Amir"))
                    .extract().path("id");

            await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream().anyMatch(r -> id.equals(r.key())));
            ConsumerRecord<String, String> record = events.getRecords().stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            var event = EventJson.read(record.value());
            assertEquals(EventType.CASE_CREATED.value(), event.type());
            assertEquals(id, event.subject());
            assertEquals("csr-kikinda", event.data().get("ownerAgency").asText());
            assertFalse(record.value().contains("Amir"), "events carry no names");
            assertFalse(record.value().contains("2011-03-14"), "events carry no birth dates");
            events.stop();
        }
    }

    @Test
    void onlyTheOwnerAgencyReadsTheCaseAndEveryReadIsAudited() {
        String id = open("ana.csr", newCase("Sara"));

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("person.familyName", equalTo("Hasani"));
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/cases/" + id)
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-found"));

        Number reads = (Number) em.createNativeQuery(
                        "select count(*) from personal_data_access where case_id = :id and action = 'READ'")
                .setParameter("id", UUID.fromString(id)).getSingleResult();
        assertEquals(1, reads.intValue(), "one audited read, none for the refused one");
    }

    @Test
    void theOwnershipIsIdsOnlyAndNotForAnotherAgency() {
        String id = open("ana.csr", newCase("Lejla"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/" + id + "/ownership")
                .then().statusCode(200)
                .body("ownerAgency", equalTo("csr-kikinda"))
                .body("person", org.hamcrest.Matchers.nullValue());
        // another agency's staff learn nothing, not even that the case exists (CaseLookupTest has the rest)
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/cases/" + id + "/ownership")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String future = LocalDate.now().plusDays(3).toString();
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body("""
                        {"person": {"givenName": "A", "familyName": "B", "dateOfBirth": "%s", "sex": "MALE"},
                         "category": "RETURNEE"}""".formatted(future))
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", hasItem("person.dateOfBirth"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body("""
                        {"person": {"givenName": "A", "familyName": "B", "sex": "MALE"}, "category": "ALIEN"}""")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("category"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body("""
                        {"person": {"givenName": "", "familyName": "B", "sex": "MALE"}}""")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("person.givenName"))
                .body("errors.field", hasItem("category"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:malformed-request"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/cases/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    /**
     * Found by HostileInputIT: a NUL failed the insert (500), half a surrogate pair was stored as "?", invalid UTF-8
     * and content after the JSON value were read past.
     */
    @Test
    void textPostgresCannotHoldAndTrailingContentAre400s() {
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(newCase("Amir\\u0000"))
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", hasItem("person.givenName"))
                .body("errors[0].message", equalTo("must not contain a NUL character or half of a surrogate pair"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(newCase("Amir\\ud800"))
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("person.givenName"));

        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(newCase("Đorđe 😀 Јовановић"))
                .when().post("/api/v1/cases")
                .then().statusCode(201).body("person.givenName", equalTo("Đorđe 😀 Јовановић"));

        // not UTF-8: an overlong "/" (C0 AF), which Jackson alone would read as "/"
        String template = newCase("A__B");
        byte[] overlong = template.getBytes(StandardCharsets.UTF_8);
        overlong[template.indexOf("__")] = (byte) 0xC0;
        overlong[template.indexOf("__") + 1] = (byte) 0xAF;
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(overlong)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:malformed-request"));

        // a date is YYYY-MM-DD: neither a timestamp nor an escaped NUL (which the date reader trimmed to "no date")
        for (String date : new String[] {"2011-03-14T00:00:00Z", "\\u0000"}) {
            given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                    .body(newCase("Amir").replace("2011-03-14", date))
                    .when().post("/api/v1/cases")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("person.dateOfBirth"));
        }
        // nor in a field nobody reads
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON)
                .body(newCase("Amir").replace("\"sex\"", "\"nickname\": \"\\u0000\", \"sex\""))
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:malformed-request"));

        // one JSON text per body: what follows the first value is not ignored
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(newCase("Amir") + "{\"x\": 1}")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:malformed-request"));
    }

    /** The HTTP layer's own refusals come as problems too (this one had an empty body). */
    @Test
    void aBodyDeclaredOverTheLimitIsA413Problem() throws Exception {
        // a plain socket: the server answers and closes before it reads a body it refuses
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Tokens.of("ana.csr") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 20000000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"type\":\"urn:uputnica:problem:request-too-large\""), answer);
        }
    }

    @Test
    void callersWithoutATokenAnAgencyOrTheRoleAreRefusedWithProblems() {
        given().contentType(ContentType.JSON).body(newCase("X")).when().post("/api/v1/cases")
                .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:unauthenticated"));

        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(newCase("X")).when().post("/api/v1/cases")
                .then().statusCode(401).contentType(PROBLEM);

        given().auth().oauth2(Tokens.of("test.noagency")).contentType(ContentType.JSON).body(newCase("X"))
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:no-agency"));

        given().auth().oauth2(Tokens.of("petar.ministry")).contentType(ContentType.JSON).body(newCase("X"))
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
    }
}
