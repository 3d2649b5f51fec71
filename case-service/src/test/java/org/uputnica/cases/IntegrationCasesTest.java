package org.uputnica.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/**
 * An agency's integration (client credentials, role integrator) works its agency's cases as a caseworker does, is
 * recorded as {@code integration:<client>}, reads its agency's figures; and creates sent with an Idempotency-Key are
 * made once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class IntegrationCasesTest {
    static final String ACTOR = "integration:minrzs-integration";
    static final String CASE = """
            {"person": {"givenName": "Lana", "familyName": "Idem%s", "dateOfBirth": "2013-02-03", "sex": "FEMALE"},
             "category": "CHILD_FOUND_BEGGING"}""";

    @Inject
    EntityManager em;

    static String integration() {
        return Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration", "minrzs-integration-secret");
    }

    static io.restassured.specification.RequestSpecification asIntegration() {
        return given().auth().oauth2(integration()).contentType(ContentType.JSON);
    }

    @Test
    void theIntegrationOpensAndWorksItsAgencysCasesAsTheIntegration() {
        String caseId = asIntegration().body(CASE.formatted("A")).when().post("/api/v1/cases")
                .then().statusCode(201).body("ownerAgency", equalTo("minrzs")).body("responsibleUser", equalTo(ACTOR))
                .extract().path("id");
        asIntegration().when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        asIntegration().body(consent("udruzenje-rod")).when().post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201).body("recordedBy", equalTo(ACTOR));
        asIntegration().when().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200);

        assertEquals(ACTOR, sql("select created_by from case_file where id = cast(:id as uuid)", caseId));
        assertEquals(ACTOR, sql("select by_user from case_step_change where case_id = cast(:id as uuid) limit 1", caseId));
        assertEquals(ACTOR, sql("select user_id from personal_data_access where case_id = cast(:id as uuid) limit 1", caseId));
        assertEquals(ACTOR, sql("select username from personal_data_access where case_id = cast(:id as uuid) limit 1", caseId));

        // another agency's case is none of its business, and it is no supervisor
        String kikinda = openCase("ana.csr", "Mara", "Tuđa");
        asIntegration().when().get("/api/v1/cases/" + kikinda).then().statusCode(404);
        asIntegration().when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(403);
        asIntegration().when().get("/api/v1/cases/statistics").then().statusCode(200).body("agency", equalTo("minrzs"));
        asIntegration().when().get("/api/v1/cases/statistics?agency=csr-kikinda").then().statusCode(403);
    }

    @Test
    void aCaseSentAgainWithItsKeyIsOpenedOnceAndAnotherBodyUnderTheKeyIs422() {
        String key = UUID.randomUUID().toString();
        String body = CASE.formatted(key.substring(0, 6));
        ExtractableResponse<Response> first = as("ana.csr").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract();
        // the same body, its members in another order and spaced otherwise: the same request
        String reordered = "{\"category\":\"CHILD_FOUND_BEGGING\",\"person\":{\"sex\":\"FEMALE\",\"dateOfBirth\":\"2013-02-03\","
                + "\"familyName\":\"Idem" + key.substring(0, 6) + "\",\"givenName\":\"Lana\"}}";
        ExtractableResponse<Response> retry = as("ana.csr").header("Idempotency-Key", key).body(reordered)
                .when().post("/api/v1/cases").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(1L, count("select count(*) from person where family_name = :v", "Idem" + key.substring(0, 6)));

        as("ana.csr").header("Idempotency-Key", key).body(CASE.formatted("Other")).when().post("/api/v1/cases")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:idempotency-key-reused"));
        // keys are the caller's: another caseworker's same key is another create
        String other = as("milica.supervisor").header("Idempotency-Key", key).body(body).when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        assertNotEquals(first.path("id"), other);
        // a key must be printable ASCII without spaces
        as("ana.csr").header("Idempotency-Key", "has spaces").body(body).when().post("/api/v1/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aConsentSentAgainWithItsKeyIsRecordedOnceAndAKeyOfARefusedCreateIsNotKept() {
        String caseId = openCase("ana.csr", "Eva", "Ključ");
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/cases/" + caseId + "/consents";
        // refused (both toAgency and toAgencyKind): nothing is kept, the key stays free
        as("ana.csr").header("Idempotency-Key", key).body(consent("udruzenje-rod").replace("\"toAgency\"",
                "\"toAgencyKind\": \"NGO\", \"toAgency\"")).when().post(path).then().statusCode(400);
        String first = as("ana.csr").header("Idempotency-Key", key).body(consent("udruzenje-rod")).when().post(path)
                .then().statusCode(201).extract().path("id");
        String again = as("ana.csr").header("Idempotency-Key", key).body(consent("udruzenje-rod")).when().post(path)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        assertEquals(1L, count("select count(*) from consent where case_id = cast(:v as uuid)", caseId));
        // the same key and body on another case is another request
        String other = openCase("ana.csr", "Iva", "Ključ");
        as("ana.csr").header("Idempotency-Key", key).body(consent("udruzenje-rod"))
                .when().post("/api/v1/cases/" + other + "/consents").then().statusCode(422);
    }

    @Test
    void keysOlderThanADayAreErased() {
        String key = UUID.randomUUID().toString();
        as("ana.csr").header("Idempotency-Key", key).body(CASE.formatted("Old")).when().post("/api/v1/cases")
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update idempotency_key set created_at = now() - interval '25 hours' where idem_key = :k")
                .setParameter("k", key).executeUpdate());
        org.uputnica.platform.idempotency.IdempotencyKeysErasure erasure = io.quarkus.arc.Arc.container()
                .instance(org.uputnica.platform.idempotency.IdempotencyKeysErasure.class).get();
        erasure.erase();
        assertEquals(0L, count("select count(*) from idempotency_key where idem_key = :v", key));
    }

    private static String consent(String to) {
        return """
                {"givenBy": "GUARDIAN", "giverName": "Jovana Petrović", "purpose": "Psychosocial support",
                 "toAgency": "%s", "data": ["IDENTITY"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                .formatted(to, LocalDate.now());
    }

    private String sql(String query, String id) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(query)
                .setParameter("id", id).getSingleResult()));
    }

    private long count(String query, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .setParameter("v", value).getSingleResult()).longValue());
    }
}
