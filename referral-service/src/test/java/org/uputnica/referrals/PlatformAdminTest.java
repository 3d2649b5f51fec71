package org.uputnica.referrals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uputnica.referrals.TestReferrals.PROBLEM;

/**
 * Agencies and working groups' members without SQL (issue 16): a platform-admin (uputnica.admin) adds an agency,
 * whose Keycloak organisation then exists, and changes a working group's members; each change is audited and
 * published. Against the test run's real Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class PlatformAdminTest extends WithKafka {
    static final String ADMIN = "uputnica.admin";

    @ConfigProperty(name = "uputnica.keycloak.url")
    String keycloak;

    static String agency(String alias) {
        return """
                {"alias": "%s", "name": "Centar za socijalni rad %s", "country": "RS", "kind": "csr",
                 "municipality": "Zrenjanin", "website": "https://%s.example.rs", "email": "info@%s.example.rs",
                 "phone": "+381 23 000 000"}""".formatted(alias, alias, alias, alias);
    }

    @Test
    void aPlatformAdminAddsAnAgencyWithItsKeycloakOrganisation() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        String alias = "csr-test-" + UUID.randomUUID().toString().substring(0, 8);

        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON).body(agency(alias))
                .when().post("/api/v1/agencies")
                .then().statusCode(201).header("Location", endsWith("/api/v1/directory/agencies/" + alias));

        // the organisation exists in Keycloak (asked with the referral-service's own admin token)
        String adminToken = Tokens.clientCredentials(keycloak, "referral-service", "referral-service-secret");
        given().auth().oauth2(adminToken).queryParam("max", 1000)
                .when().get(keycloak + "/admin/realms/uputnica/organizations")
                .then().statusCode(200).body("alias", hasItem(alias));

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/agencies")
                .then().statusCode(200).body("alias", hasItem(alias));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/directory/agencies/" + alias)
                .then().statusCode(200).body("municipality", equalTo("Zrenjanin"));

        // the same again: the agency exists
        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON).body(agency(alias))
                .when().post("/api/v1/agencies")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:agency-exists"));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                events.getRecords().stream().anyMatch(r -> alias.equals(r.key())));
        EventEnvelope created = EventJson.read(events.getRecords().stream().filter(r -> alias.equals(r.key()))
                .findFirst().orElseThrow().value());
        assertEquals("org.uputnica.agency.created.v1", created.type());
        assertEquals(alias, created.data().get("agency").asText());
        assertEquals("RS", created.data().get("country").asText());
        events.stop();

        assertEquals(List.of("AGENCY_CREATED"), audit(alias));
    }

    @Test
    void anOrganisationLeftByAFailedInsertIsTakenAsCreated() {
        String alias = "ngo-retry-" + UUID.randomUUID().toString().substring(0, 8);
        String adminToken = Tokens.clientCredentials(keycloak, "referral-service", "referral-service-secret");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"alias\": \"" + alias + "\", \"name\": \"Centar za socijalni rad " + alias + "\"}")
                .when().post(keycloak + "/admin/realms/uputnica/organizations")
                .then().statusCode(201);

        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON).body(agency(alias))
                .when().post("/api/v1/agencies")
                .then().statusCode(201);
    }

    @Test
    void onlyAPlatformAdminAddsAgenciesAndTheFieldsAreChecked() {
        String alias = "ngo-denied-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.of("ana.csr")).contentType(ContentType.JSON).body(agency(alias))
                .when().post("/api/v1/agencies")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        given().auth().oauth2(Tokens.of("nina.admin")).contentType(ContentType.JSON).body(agency(alias))
                .when().post("/api/v1/agencies")
                .then().statusCode(403);

        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON).body(agency("Bad_Alias"))
                .when().post("/api/v1/agencies")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", hasItem("alias"));
        given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON)
                .body(agency(alias).replace("\"RS\"", "\"HR\""))
                .when().post("/api/v1/agencies")
                .then().statusCode(400).body("errors.field", hasItem("country"));

        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/agencies")
                .then().statusCode(200).body("alias", not(hasItem(alias)));
    }

    @Test
    void aPlatformAdminAddsAndRemovesAWorkingGroupMember() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        String group = "bijeljina-child-protection";
        String path = "/api/v1/working-groups/" + group + "/members/iom-serbia";

        given().auth().oauth2(Tokens.of("ana.csr")).when().put(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of(ADMIN)).when().put("/api/v1/working-groups/no-such-group/members/iom-serbia")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of(ADMIN)).when().put("/api/v1/working-groups/" + group + "/members/no-such")
                .then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(Tokens.of(ADMIN)).when().put(path).then().statusCode(204);
        given().auth().oauth2(Tokens.of(ADMIN)).when().put(path).then().statusCode(204); // idempotent
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get("/api/v1/working-groups/" + group)
                .then().statusCode(200).body("members", hasItem("iom-serbia"));

        given().auth().oauth2(Tokens.of(ADMIN)).when().delete(path).then().statusCode(204);
        given().auth().oauth2(Tokens.of(ADMIN)).when().delete(path).then().statusCode(204); // idempotent
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get("/api/v1/working-groups/" + group)
                .then().statusCode(200).body("members", not(hasItem("iom-serbia")));

        await().atMost(Duration.ofSeconds(30)).until(() -> types(events, group).size() == 2);
        assertEquals(List.of("org.uputnica.working-group.member-added.v1",
                "org.uputnica.working-group.member-removed.v1"), types(events, group));
        events.stop();
        assertEquals(List.of("WORKING_GROUP_MEMBER_ADDED", "WORKING_GROUP_MEMBER_REMOVED"), audit(group));
    }

    private static List<String> types(ConsumerTask<String, String> events, String key) {
        return events.getRecords().stream().filter(r -> key.equals(r.key()))
                .map(r -> EventJson.read(r.value()).type()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> audit(String subject) {
        return em.createNativeQuery("select action from admin_audit where subject = :s and user_id is not null "
                + "and username = 'uputnica.admin' order by id").setParameter("s", subject).getResultList();
    }
}
