package org.uputnica.e2e.fuzz;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Real data of two agencies, made before the fuzzing starts: a case of csr-kikinda (by ana.csr), a referral of it to
 * udruzenje-rod, a draft referral, a multi-agency request to udruzenje-rod and iom-serbia, the receiver's inbox item
 * and an agency mailbox of udruzenje-rod. Their ids are then used with the tokens of agencies that are party to none
 * of them ({@link #FOREIGN_USERS}).
 */
final class Fixtures {
    /** Users of agencies that are not party to any fixture (not csr-kikinda, udruzenje-rod or iom-serbia). */
    static final List<String> FOREIGN_USERS = List.of("senad.csr", "amra.otaharin", "mirza.coordinator", "dragan.kirs",
            "petar.ministry");
    /** Marks in the fixtures' text that a foreign caller must never see. */
    static final String GIVEN_NAME = "Фазинг";
    static final String FAMILY_NAME = "Fixturović";
    static final String REASON = "Fuzz fixture: needs psychosocial support";

    final String caseId;
    final String caseReference;
    final String referralId;
    final String draftId;
    final String groupId;
    final String inboxItemId;
    final String recipientId;

    Fixtures(String cases, String referrals, String notifications) {
        var created = as("ana.csr", cases).body("""
                        {"person": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "2012-05-01", "sex": "FEMALE"},
                         "category": "SEPARATED_CHILD"}""".formatted(GIVEN_NAME, FAMILY_NAME))
                .when().post("/api/v1/cases").then().statusCode(201).extract();
        caseId = created.path("id");
        caseReference = created.path("reference");
        String toRod = consent("udruzenje-rod", cases);
        String toIom = consent("iom-serbia", cases);
        String sharing = """
                "sharing": {"basis": "CONSENT", "consentId": "%s", "data": ["IDENTITY", "LANGUAGE"]}""".formatted(toRod);
        referralId = as("ana.csr", referrals).body("""
                        {"caseId": "%s", "toAgency": "udruzenje-rod", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                         "reason": "%s", %s}""".formatted(caseId, REASON, sharing))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        draftId = as("ana.csr", referrals).body("""
                        {"caseId": "%s", "toAgency": "iom-serbia", "service": "LEGAL_AID", "urgency": "ROUTINE",
                         "reason": "%s", "draft": true}""".formatted(caseId, REASON))
                .when().post("/api/v1/referrals").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        groupId = as("ana.csr", referrals).body("""
                        {"caseId": "%s", "toAgencies": ["udruzenje-rod", "iom-serbia"], "service": "SHELTER",
                         "urgency": "ROUTINE", "reason": "%s", %s,
                         "consentIds": {"udruzenje-rod": "%s", "iom-serbia": "%s"}}"""
                        .formatted(caseId, REASON, sharing, toRod, toIom))
                .when().post("/api/v1/referral-groups").then().statusCode(201).extract().path("id");
        inboxItemId = await("marko.rod's inbox item for the fixture referral").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> as("marko.rod", notifications).when()
                        .get("/api/v1/inbox?kind=REFERRAL_RECEIVED&referralId=" + referralId)
                        .then().statusCode(200).extract().<List<String>>path("items.id"), ids -> ids != null && !ids.isEmpty())
                .get(0);
        recipientId = as("nina.admin", notifications).body("""
                        {"email": "fuzz-%s@udruzenje-rod.uputnica.test", "language": "sr-Cyrl"}""".formatted(UUID.randomUUID()))
                .when().post("/api/v1/notification-settings/recipients").then().statusCode(201).extract().path("id");
    }

    /** Every fixture id, for path parameters that take one. */
    List<String> ids() {
        return List.of(caseId, referralId, draftId, groupId, inboxItemId, recipientId);
    }

    Set<String> secrets() {
        return Set.of(GIVEN_NAME, FAMILY_NAME, REASON, caseReference);
    }

    /** ana.csr's consent record to share the fixture case with {@code toAgency}. */
    private String consent(String toAgency, String cases) {
        return as("ana.csr", cases).body("""
                        {"givenBy": "GUARDIAN", "giverName": "Guardian", "purpose": "Fuzz fixture", "toAgency": "%s",
                         "data": ["IDENTITY", "LANGUAGE"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(toAgency, java.time.LocalDate.now()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user, String baseUrl) {
        return given().baseUri(baseUrl).auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
