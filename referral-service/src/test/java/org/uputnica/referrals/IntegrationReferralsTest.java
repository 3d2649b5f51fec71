package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.caseOwnedBy;
import static org.uputnica.referrals.TestReferrals.referral;

/**
 * The ministry's integration (client minrzs-integration: client credentials, role integrator) sends, reads and acts
 * on its agency's referrals as a caseworker of minrzs, recorded as integration:minrzs-integration; and a referral sent
 * with an Idempotency-Key is made once, however often and however concurrently it is sent.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class IntegrationReferralsTest extends WithKafka {
    static final String ACTOR = "integration:minrzs-integration";

    static RequestSpecification asIntegration() {
        return given().auth().oauth2(Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                "minrzs-integration-secret")).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    @Test
    void theIntegrationSendsReadsAndActsOnItsAgencysReferralsAsTheIntegration() {
        UUID caseId = caseOwnedBy(kafka, em, "minrzs");
        String id = asIntegration().body(referral(caseId, "udruzenje-rod")).when().post("/api/v1/referrals")
                .then().statusCode(201).body("fromAgency", equalTo("minrzs")).extract().path("id");
        asIntegration().when().get("/api/v1/referrals/" + id).then().statusCode(200);
        asIntegration().when().get("/api/v1/referrals?direction=OUTGOING").then().statusCode(200)
                .body("items.id", hasItem(id));
        asIntegration().when().get("/api/v1/referrals/" + id + "/history").then().statusCode(200)
                .body("[0].actor", equalTo(ACTOR)).body("[0].actorAgency", equalTo("minrzs"));
        assertEquals(ACTOR, sql("select actor_user from referral_history where referral_id = cast(:id as uuid) limit 1", id));
        assertEquals(ACTOR, sql("select created_by from referral where id = cast(:id as uuid)", id));
        assertEquals(ACTOR, sql("select user_id from referral_access where referral_ids like '%' || :id || '%' limit 1", id));

        // the receiver's staff see who sent it; the integration acts as the sender, and only as the sender
        as("marko.rod").when().get("/api/v1/referrals/" + id + "/history").then().statusCode(200)
                .body("[0].actor", equalTo(ACTOR));
        asIntegration().header("If-Match", "*").body("{}").when().post("/api/v1/referrals/" + id + "/accept")
                .then().statusCode(403).contentType(PROBLEM);
        asIntegration().header("If-Match", "*").body("{\"reason\": \"The ministry's system withdrew it\"}")
                .when().post("/api/v1/referrals/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        // it is a caseworker, no supervisor: a legal basis needs one; another agency's referral is not its business
        asIntegration().body(referral(caseId, "udruzenje-rod").replaceFirst("\"sharing\": \\{[^}]*}",
                        "\"sharing\": {\"basis\": \"LEGAL_BASIS\", \"legalBasis\": \"urgent\", \"data\": [\"IDENTITY\"]}"))
                .when().post("/api/v1/referrals").then().statusCode(403)
                .body("type", equalTo("urn:uputnica:problem:supervisor-approval-required"));
        UUID kikinda = caseOwnedBy(kafka, em, "csr-kikinda");
        String theirs = TestReferrals.send("ana.csr", referral(kikinda, "udruzenje-rod"));
        int status = asIntegration().when().get("/api/v1/referrals/" + theirs).then().extract().statusCode();
        assertEquals(true, status == 403 || status == 404, "another agency's referral: " + status);
        asIntegration().body(referral(kikinda, "udruzenje-rod")).when().post("/api/v1/referrals")
                .then().statusCode(403);
    }

    @Test
    void aReferralSentAgainWithItsKeyIsSentOnceAndAnotherBodyUnderTheKeyIs422() {
        UUID caseId = caseOwnedBy(kafka, em, "minrzs");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = asIntegration().header("Idempotency-Key", key)
                .body(referral(caseId, "udruzenje-rod")).when().post("/api/v1/referrals").then().statusCode(201).extract();
        ExtractableResponse<Response> retry = asIntegration().header("Idempotency-Key", key)
                .body(referral(caseId, "udruzenje-rod")).when().post("/api/v1/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(1L, referralsOf(caseId));

        asIntegration().header("Idempotency-Key", key).body(referral(caseId, "iom-serbia")).when().post("/api/v1/referrals")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:idempotency-key-reused"));
        assertEquals(1L, referralsOf(caseId));
    }

    @Test
    void concurrentSendsWithOneKeyMakeOneReferral() throws Exception {
        UUID caseId = caseOwnedBy(kafka, em, "minrzs");
        String key = UUID.randomUUID().toString();
        String body = referral(caseId, "udruzenje-rod");
        int senders = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                RequestSpecification request = asIntegration().header("Idempotency-Key", key).body(body);
                Callable<ExtractableResponse<Response>> send = () -> {
                    start.await();
                    return request.when().post("/api/v1/referrals").then().extract();
                };
                answers.add(pool.submit(send));
            }
            start.countDown();
            String id = null;
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> r = answer.get();
                assertEquals(201, r.statusCode(), r.asString());
                if (id == null) {
                    id = r.path("id");
                }
                assertEquals(id, r.path("id"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, referralsOf(caseId));
    }

    private long referralsOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from referral where case_id = :id").setParameter("id", caseId).getSingleResult()).longValue());
    }

    private String sql(String query, String id) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(query)
                .setParameter("id", id).getSingleResult()));
    }
}
