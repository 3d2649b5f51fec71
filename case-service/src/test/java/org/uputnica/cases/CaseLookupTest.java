package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.EventRecords;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;
import static org.uputnica.cases.Api.referralEvent;

/**
 * Who owns a case, and what a consent allows: answered to the referral-service's service account (role
 * case-lookup), the owner and the agencies of an open referral of the case; anyone else learns nothing. Audited.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseLookupTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String serviceAccount() {
        return Tokens.clientCredentials(KeycloakServer.sharedForTests(), "referral-service", "referral-service-secret");
    }

    static int status(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().extract().statusCode();
    }

    @Test
    void onlyTheReferralServiceTheOwnerAndTheCurrentPartiesLookACaseUpAndEveryLookUpIsAudited() {
        String caseId = openCase("ana.csr", "Iva", "Lukić");
        String consentId = as("ana.csr").body("""
                        {"givenBy": "PARENT", "giverName": "Ljiljana Lukić", "purpose": "Day care at ROD",
                         "toAgency": "udruzenje-rod", "data": ["IDENTITY"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(LocalDate.now()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        String ownership = "/api/v1/cases/" + caseId + "/ownership";
        String terms = "/api/v1/cases/" + caseId + "/consents/" + consentId + "/terms";
        String integrator = Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                "minrzs-integration-secret");

        for (String path : List.of(ownership, terms)) {
            org.junit.jupiter.api.Assertions.assertEquals(200, status(serviceAccount(), path), path);
            org.junit.jupiter.api.Assertions.assertEquals(200, status(Tokens.of("ana.csr"), path), path);
            org.junit.jupiter.api.Assertions.assertEquals(404, status(Tokens.of("marko.rod"), path), path);
            org.junit.jupiter.api.Assertions.assertEquals(404, status(Tokens.of("ivana.iom"), path), path);
            org.junit.jupiter.api.Assertions.assertEquals(403, status(Tokens.of("jelena.coordinator"), path), path);
            // the ministry's integration is one of its caseworkers: not a party, so it learns nothing
            org.junit.jupiter.api.Assertions.assertEquals(404, status(integrator, path), path);
        }
        given().auth().oauth2(serviceAccount()).when().get(ownership).then().body("ownerAgency", equalTo("csr-kikinda"));

        // once ROD is a party of an open referral of the case, its staff may look the case up too
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(EventRecords.of(Topic.REFERRAL_EVENTS, referralEvent(
                    EventType.REFERRAL_SENT, UUID.randomUUID(), caseId, "csr-kikinda", "udruzenje-rod", "SENT", null,
                    UUID.fromString(consentId), List.of("IDENTITY"), OffsetDateTime.now()))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(Tokens.of("marko.rod"), terms) == 200);
        org.junit.jupiter.api.Assertions.assertEquals(404, status(Tokens.of("ivana.iom"), ownership));

        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("findAll { it.basis == 'SERVICE' }.username", hasItem("service-account-referral-service"))
                .body("findAll { it.basis == 'SERVICE' }.purpose", hasItem("case ownership look-up"))
                .body("findAll { it.username == 'marko.rod' }.purpose", hasItem("consent terms look-up"))
                .body("findAll { it.username == 'ana.csr' }.purpose", hasItem("case ownership look-up"));
    }
}
