package org.uputnica.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.ReferralEvents.event;
import static org.uputnica.notifications.ReferralEvents.referral;
import static org.uputnica.notifications.ReferralEvents.send;

/** The inbox API: reading, counting, marking read, and refusing what a caller may not do. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class InboxApiTest {
    static final String PROBLEM = "application/problem+json";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static JsonPath count(String user) {
        return as(user).when().get("/api/v1/inbox/count").then().statusCode(200).extract().jsonPath();
    }

    /** Sends a referral to {@code to}; returns its id. */
    UUID sendReferralTo(String to) {
        UUID referralId = UUID.randomUUID();
        send(bootstrap, event(EventType.REFERRAL_SENT,
                referral(referralId, UUID.randomUUID(), "csr-kikinda", to, "SENT", null, null)));
        return referralId;
    }

    @Test
    void markingReadChangesTheCountOnceAndOnlyForTheOwnAgency() {
        JsonPath before = count("dragan.kirs");
        UUID referralId = sendReferralTo("kirs");
        await().atMost(PATIENCE).until(() -> count("dragan.kirs").getLong("total") == before.getLong("total") + 1);
        assertEquals(before.getLong("unread") + 1, count("dragan.kirs").getLong("unread"));

        String id = as("dragan.kirs").queryParam("referralId", referralId.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items[0].id");

        as("marko.rod").when().post("/api/v1/inbox/" + id + "/read")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-found"));
        as("dragan.kirs").when().post("/api/v1/inbox/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-found"));
        as("dragan.kirs").when().post("/api/v1/inbox/not-a-uuid/read").then().statusCode(404).contentType(PROBLEM);
        assertEquals(before.getLong("unread") + 1, count("dragan.kirs").getLong("unread"), "a refused mark changes nothing");

        as("dragan.kirs").when().post("/api/v1/inbox/" + id + "/read").then().statusCode(204);
        assertEquals(before.getLong("unread"), count("dragan.kirs").getLong("unread"));
        assertEquals(before.getLong("total") + 1, count("dragan.kirs").getLong("total"));

        JsonPath read = as("dragan.kirs").queryParam("referralId", referralId.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(read.getBoolean("items[0].read"));
        String readAt = read.getString("items[0].readAt");
        assertNotNull(readAt);

        as("dragan.kirs").when().post("/api/v1/inbox/" + id + "/read").then().statusCode(204);
        as("dragan.kirs").queryParam("referralId", referralId.toString()).when().get("/api/v1/inbox")
                .then().body("items[0].readAt", equalTo(readAt));
        as("dragan.kirs").queryParam("referralId", referralId.toString()).queryParam("unread", "true")
                .when().get("/api/v1/inbox").then().statusCode(200).body("total", equalTo(0));
        as("dragan.kirs").queryParam("referralId", referralId.toString()).queryParam("unread", "false")
                .when().get("/api/v1/inbox").then().statusCode(200).body("total", equalTo(1));

        String readBy = (String) em.createNativeQuery("select read_by from inbox_item where id = cast(:id as uuid)")
                .setParameter("id", id).getSingleResult();
        assertEquals(subject(Tokens.of("dragan.kirs")), readBy, "the reader is recorded by subject id, not by name");
    }

    @Test
    void theInboxIsNewestFirstFilteredAndPaged() {
        long before = count("amra.otaharin").getLong("total");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        // one key, so the three are consumed in this order
        EventEnvelope[] events = List.of(first, second, third).stream()
                .map(r -> event(EventType.REFERRAL_SENT, referral(r, UUID.randomUUID(), "csr-bijeljina", "otaharin",
                        "SENT", null, null)))
                .toArray(EventEnvelope[]::new);
        send(bootstrap, "otaharin-paging", Arrays.stream(events)
                .map(EventJson::write).toArray(String[]::new));
        await().atMost(PATIENCE).until(() -> count("amra.otaharin").getLong("total") == before + 3);

        as("amra.otaharin").queryParam("size", "2").when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo((int) before + 3))
                .body("items.referralId", equalTo(List.of(third.toString(), second.toString())));
        as("amra.otaharin").queryParam("size", "2").queryParam("page", "1").when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items[0].referralId", equalTo(first.toString()));
        as("amra.otaharin").queryParam("page", "1000").when().get("/api/v1/inbox")
                .then().statusCode(200).body("items", equalTo(List.of())).body("total", equalTo((int) before + 3));
        as("amra.otaharin").queryParam("kind", "REFERRAL_RECEIVED").when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo((int) before + 3)).body("size", equalTo(50));
        as("amra.otaharin").queryParam("kind", "REFERRAL_ACCEPTED").when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(0));
        as("senad.csr").queryParam("referralId", first.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("REFERRAL_SENT"));
        as("ivana.iom").queryParam("referralId", first.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badQueryParametersAreA400NamingTheParameter() {
        for (String[] bad : new String[][]{
                {"size", "0"}, {"size", "201"}, {"size", "many"}, {"page", "-1"}, {"page", "1.5"},
                {"unread", "yes"}, {"kind", "REFERRAL_LOST"}, {"referralId", "42"}}) {
            as("marko.rod").queryParam(bad[0], bad[1]).when().get("/api/v1/inbox")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:uputnica:problem:validation"))
                    .body("errors.field", equalTo(List.of(bad[0])));
        }
        as("marko.rod").queryParam("size", "1000").queryParam("unread", "1").when().get("/api/v1/inbox")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("size", "unread"));
        as("marko.rod").queryParam("size", "200").queryParam("page", "0").when().get("/api/v1/inbox")
                .then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void everyRoleThatWorksForAnAgencyReadsItsInbox() {
        for (String user : List.of("ana.csr", "milica.supervisor", "jelena.coordinator", "nina.admin")) {
            as(user).when().get("/api/v1/inbox").then().statusCode(200);
        }
        String integrator = Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                "minrzs-integration-secret");
        // the ministry's inbox holds what other tests of the module sent it: only that the integration may read it
        given().auth().oauth2(integrator).when().get("/api/v1/inbox/count").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void callersWithoutATokenAnAgencyOrTheRoleAreRefusedWithProblems() {
        String anyId = UUID.randomUUID().toString();
        given().when().get("/api/v1/inbox")
                .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:unauthenticated"));
        given().when().get("/api/v1/inbox/count").then().statusCode(401).contentType(PROBLEM);
        given().when().post("/api/v1/inbox/" + anyId + "/read").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-token").when().get("/api/v1/inbox").then().statusCode(401).contentType(PROBLEM);

        as("test.noagency").when().get("/api/v1/inbox")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:no-agency"));
        as("test.noagency").when().get("/api/v1/inbox/count")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:no-agency"));
        as("test.noagency").when().post("/api/v1/inbox/" + anyId + "/read")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:no-agency"));

        as("petar.ministry").when().get("/api/v1/inbox")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
    }

    /** The token's subject (the user id that events and audit records name). */
    static String subject(String token) {
        try {
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return claims.get("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
