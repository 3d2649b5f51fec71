package org.uputnica.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Consent across the three services: the owner records it, a referral shares data under it, the accepting agency
 * reads only what was shared, and withdrawing it ends that access, revokes the sharing and tells the receiver.
 */
class ConsentLoopIT {
    static ServiceProcess cases;
    static ServiceProcess referrals;
    static ServiceProcess notifications;

    @BeforeAll
    static void theSystem() throws Exception {
        TheSystem system = TheSystem.get();
        cases = system.cases;
        referrals = system.referrals;
        notifications = system.notifications;
    }

    static RequestSpecification as(String user, ServiceProcess service) {
        return given().baseUri(service.baseUrl).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    @Test
    void aConsentGivesTheReceiverWhatItAllowsUntilItIsWithdrawn() {
        String caseId = as("ana.csr", cases).body("""
                        {"person": {"givenName": "Zorana", "familyName": "Đurić", "dateOfBirth": "2014-02-03", "sex": "FEMALE",
                                    "languages": ["sr", "rom"], "contacts": [{"kind": "PHONE", "value": "+381 63 123 456"}]},
                         "category": "CHILD_IN_STREET_SITUATION"}""")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String consentId = as("ana.csr", cases).body("""
                        {"givenBy": "PARENT", "giverName": "Ruža Đurić", "purpose": "Drop-in centre",
                         "toAgency": "udruzenje-rod", "data": ["IDENTITY", "LANGUAGE"], "validFrom": "%s",
                         "method": "SIGNED_FORM"}""".formatted(LocalDate.now()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");

        // the consent does not cover contacts: the referral-service refuses to share them under it
        as("ana.csr", referrals).body(referral(caseId, consentId, "[\"IDENTITY\", \"CONTACT\"]"))
                .when().post("/api/v1/referrals").then().statusCode(409).contentType("application/problem+json");
        String referralId = as("ana.csr", referrals).body(referral(caseId, consentId, "[\"IDENTITY\", \"LANGUAGE\"]"))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        as("marko.rod", referrals).when().post("/api/v1/referrals/" + referralId + "/accept").then().statusCode(200);

        await("the receiver reads what was shared").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("marko.rod", cases).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                        .body("access", equalTo("COLLABORATOR"))
                        .body("person.familyName", equalTo("Đurić"))
                        .body("person.languages", hasItem("rom"))
                        .body("person.contacts", nullValue())
                        .body("person.dateOfBirth", nullValue()));

        as("ana.csr", cases).body("{\"note\": \"The mother withdrew it\"}")
                .when().post("/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdrawal").then().statusCode(200);
        as("marko.rod", cases).when().get("/api/v1/cases/" + caseId).then().statusCode(404)
                .body(not(containsString("Zorana")));
        await("the receiver is told").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("marko.rod", notifications).when().get("/api/v1/inbox?referralId=" + referralId)
                        .then().statusCode(200).body("items.kind", hasItem("REFERRAL_SHARING_REVOKED")));
        await("the referral's sharing is revoked").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("ana.csr", referrals).when().get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200).body("sharing.revokedAt", notNullValue()));
        // and no new referral can share under it
        as("ana.csr", referrals).body(referral(caseId, consentId, "[\"IDENTITY\"]"))
                .when().post("/api/v1/referrals").then().statusCode(409);
    }

    static String referral(String caseId, String consentId, String data) {
        return """
                {"caseId": "%s", "toAgency": "udruzenje-rod", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "Drop-in centre and outreach", "sharing": {"basis": "CONSENT", "consentId": "%s", "data": %s}}"""
                .formatted(caseId, consentId, data);
    }
}
