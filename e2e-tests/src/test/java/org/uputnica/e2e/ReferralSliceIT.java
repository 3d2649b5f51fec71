package org.uputnica.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The walking skeleton's slice through all three services, each its own process as in production, on real
 * PostgreSQL, Kafka and Keycloak, with real tokens of the demo users:
 * a CSR caseworker opens a case and refers it at once; the receiver sees it in the inbox and answers; the sender
 * sees the answer; nobody else sees the referral.
 */
class ReferralSliceIT {
    static final String PROBLEM = "application/problem+json";
    static ServiceProcess cases;
    static ServiceProcess referrals;
    static ServiceProcess notifications;

    @BeforeAll
    static void startTheSystem() throws Exception {
        TheSystem system = TheSystem.get();
        cases = system.cases;
        referrals = system.referrals;
        notifications = system.notifications;
    }

    static RequestSpecification as(String user, ServiceProcess service) {
        return given().baseUri(service.baseUrl).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    static String openCase() {
        return as("ana.csr", cases).body("""
                        {"person": {"givenName": "Amir", "familyName": "Hasani", "dateOfBirth": "2011-03-14", "sex": "MALE"},
                         "category": "UNACCOMPANIED_MINOR"}""")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** Only for requests refused before the sharing is looked at (a consent reference alone is refused too). */
    static final String CONSENT = """
            "sharing": {"basis": "CONSENT", "consentReference": "signed form", "data": ["IDENTITY", "LANGUAGE"]}""";

    static String refer(String caseId, String toAgency) {
        return refer("ana.csr", caseId, toAgency, "REFERRAL");
    }

    /** Under a consent record the owner makes for the receiver (for a transfer: every kind of data, by a supervisor). */
    static String refer(String user, String caseId, String toAgency, String kind) {
        String data = "TRANSFER".equals(kind) ? "[\"" + String.join("\", \"", java.util.Arrays.stream(
                org.uputnica.events.SharedData.values()).map(Enum::name).toList()) + "\"]" : "[\"IDENTITY\", \"LANGUAGE\"]";
        String consentId = as(user, cases).body("""
                        {"givenBy": "GUARDIAN", "giverName": "Jovana Petrović", "purpose": "Psychosocial support",
                         "toAgency": "%s", "data": %s, "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(toAgency, data, java.time.LocalDate.now()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        return as(user, referrals).body("""
                        {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                         "reason": "Needs psychosocial support", "kind": "%s",
                         "sharing": {"basis": "CONSENT", "consentId": "%s", "data": %s}}"""
                        .formatted(caseId, toAgency, kind, consentId, data))
                .when().post("/api/v1/referrals")
                .then().statusCode(201).body("status", equalTo("SENT")).extract().path("id");
    }

    static void awaitInboxItem(String user, String referralId, String kind) {
        await(user + " sees " + kind).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(user, notifications).when().get("/api/v1/inbox?referralId=" + referralId)
                        .then().statusCode(200).body("items.kind", hasItem(kind)));
    }

    @Test
    void caseReferralInboxAcceptAndTheAnswerBackToTheSender() {
        String caseId = openCase();
        String referralId = refer(caseId, "udruzenje-rod"); // at once: the owner check must not lag the case

        awaitInboxItem("marko.rod", referralId, "REFERRAL_RECEIVED");
        as("marko.rod", referrals).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("SENT"));

        as("ana.csr", referrals).when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(403).contentType(PROBLEM);
        as("marko.rod", referrals).when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as("marko.rod", referrals).when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(409).contentType(PROBLEM);

        awaitInboxItem("ana.csr", referralId, "REFERRAL_ACCEPTED");
        as("ana.csr", referrals).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as("ivana.iom", referrals).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(403).contentType(PROBLEM);
        as("ivana.iom", notifications).when().get("/api/v1/inbox?referralId=" + referralId)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aDeclineWithAReasonReachesTheSender() {
        String referralId = refer(openCase(), "iom-serbia");
        awaitInboxItem("ivana.iom", referralId, "REFERRAL_RECEIVED");

        as("ivana.iom", referrals).body("{}").when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(400).contentType(PROBLEM);
        as("ivana.iom", referrals).body("{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"No interpreter this month\"}")
                .when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        as("ivana.iom", referrals).when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(409).contentType(PROBLEM);

        awaitInboxItem("ana.csr", referralId, "REFERRAL_DECLINED");
    }

    @Test
    void onlyTheOwnerMayReferAndBadInputIsA400() {
        String caseId = openCase();
        as("marko.rod", referrals).body("""
                        {"caseId": "%s", "toAgency": "iom-serbia", "service": "LEGAL_AID", "urgency": "ROUTINE",
                         "reason": "x", %s}""".formatted(caseId, CONSENT))
                .when().post("/api/v1/referrals").then().statusCode(403).contentType(PROBLEM);
        as("ana.csr", referrals).body("{\"caseId\": \"" + caseId + "\", \"toAgency\": \"iom-serbia\"}")
                .when().post("/api/v1/referrals").then().statusCode(400).contentType(PROBLEM);
        as("ana.csr", referrals).body("""
                        {"caseId": "00000000-0000-0000-0000-000000000000", "toAgency": "iom-serbia",
                         "service": "LEGAL_AID", "urgency": "ROUTINE", "reason": "x", %s}""".formatted(CONSENT))
                .when().post("/api/v1/referrals").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("caseId"));
    }

    @Test
    void anAcceptedTransferMovesTheCaseAndTheNewOwnerReferItOn() {
        String caseId = openCase();
        String transfer = refer("milica.supervisor", caseId, "kirs", "TRANSFER"); // a transfer needs a supervisor
        as("dragan.kirs", referrals).when().post("/api/v1/referrals/" + transfer + "/accept")
                .then().statusCode(200).body("kind", equalTo("TRANSFER"));

        // the case-service applies the transfer; the new owner reads the case, the old one no longer does
        await("case moved to kirs").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as("dragan.kirs", cases).when().get("/api/v1/cases/" + caseId)
                        .then().statusCode(200).body("ownerAgency", equalTo("kirs")));
        as("ana.csr", cases).when().get("/api/v1/cases/" + caseId).then().statusCode(404);

        // and the referral-service's owner check follows: kirs may refer it, the CSR may not any more
        await("owner check follows").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as("ana.csr", referrals).body("""
                                {"caseId": "%s", "toAgency": "iom-serbia", "service": "LEGAL_AID", "urgency": "ROUTINE",
                                 "reason": "x", %s}""".formatted(caseId, CONSENT))
                        .when().post("/api/v1/referrals").then().statusCode(403));
        refer("dragan.kirs", caseId, "iom-serbia", "REFERRAL");
    }

    @Test
    void killingTheNotificationServiceMidStreamLosesAndDuplicatesNothing() throws Exception {
        String caseId = openCase();
        List<String> referralIds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            referralIds.add(refer(caseId, "udruzenje-rod"));
        }
        awaitInboxItem("marko.rod", referralIds.get(0), "REFERRAL_RECEIVED"); // consuming has begun
        notifications.kill();
        for (int i = 0; i < 15; i++) {
            referralIds.add(refer(caseId, "udruzenje-rod")); // announced while nobody consumes
        }
        notifications = notifications.restart();
        TheSystem.get().notifications = notifications;
        notifications.awaitReady(Duration.ofSeconds(120));

        await("every referral exactly once in the receiver's inbox").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (String id : referralIds) {
                        as("marko.rod", notifications).when().get("/api/v1/inbox?kind=REFERRAL_RECEIVED&referralId=" + id)
                                .then().statusCode(200).body("items.size()", equalTo(1));
                    }
                });
    }
}
