package org.uputnica.referrals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventType;
import org.uputnica.events.SharedData;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.consent;
import static org.uputnica.referrals.TestReferrals.consentEvent;
import static org.uputnica.referrals.TestReferrals.consentOf;
import static org.uputnica.referrals.TestReferrals.today;

/**
 * A transfer hands the whole case to the receiver: it goes only where the owner chose (never forwarded), is sent by
 * a supervisor of the owner, and only under a consent record or a legal basis that covers the whole file.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class TransferTest extends WithKafka {
    static final String PROBLEMS = "urn:uputnica:problem:";
    static final String EVERY_KIND = "[\"" + String.join("\", \"",
            Arrays.stream(SharedData.values()).map(Enum::name).toList()) + "\"]";

    static String transfer(UUID caseId, String toAgency, String sharing) {
        return """
                {"caseId": "%s", "toAgency": "%s", "kind": "TRANSFER", "service": "PSYCHOSOCIAL_SUPPORT",
                 "urgency": "URGENT", "reason": "Guardianship moves", "sharing": %s}""".formatted(caseId, toAgency, sharing);
    }

    /** Under the consent {@link TestReferrals#caseOwnedBy} recorded, which covers every kind of data. */
    static String wholeFile(UUID caseId, String toAgency) {
        return "{\"basis\": \"CONSENT\", \"consentId\": \"%s\", \"data\": %s}".formatted(consentOf(caseId, toAgency),
                EVERY_KIND);
    }

    static ValidatableResponse post(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then();
    }

    static void refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType(PROBLEM).body("type", equalTo(PROBLEMS + type));
    }

    static boolean incomingHas(String user, UUID caseId) {
        List<String> cases = given().auth().oauth2(Tokens.of(user))
                .when().get("/api/v1/referrals?direction=INCOMING&size=100")
                .then().statusCode(200).extract().path("items.caseId");
        return cases.contains(caseId.toString());
    }

    /**
     * The review's scenario: a caseworker transfers under a free-text consent reference, the receiver forwards, a
     * third agency accepts and would own the case. Now the first step is refused, and a proper transfer cannot be
     * forwarded by the receiver nor by a coordinator.
     */
    @Test
    void aTransferGoesOnlyWhereTheOwnerSentItNeverForwarded() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        refused(post("ana.csr", transfer(caseId, "udruzenje-rod",
                "{\"basis\": \"CONSENT\", \"consentReference\": \"signed form, paper\", \"data\": [\"IDENTITY\"]}")),
                403, "supervisor-approval-required");

        String id = post("milica.supervisor", transfer(caseId, "udruzenje-rod", wholeFile(caseId, "udruzenje-rod")))
                .statusCode(201).body("kind", equalTo("TRANSFER")).extract().path("id");
        for (String user : List.of("marko.rod", "jelena.coordinator")) {
            refused(action(user, id, "forward", "{\"toAgency\": \"iom-serbia\", \"reason\": \"IOM runs it\"}"),
                    409, "transfer-not-forwardable");
        }

        // nothing reached the third agency, so it has nothing to accept; the transfer waits where it was sent
        assertFalse(incomingHas("ivana.iom", caseId), "iom-serbia was never sent the transfer");
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("SENT")).body("toAgency", equalTo("udruzenje-rod"));
        action("ivana.iom", id, "accept", null).statusCode(403);
    }

    @Test
    void aTransferNeedsASupervisorAndAConsentRecordOrLegalBasisCoveringTheWholeFile() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        // a caseworker, even with a consent covering everything
        refused(post("ana.csr", transfer(caseId, "kirs", wholeFile(caseId, "kirs"))), 403, "supervisor-approval-required");
        // a consent given only as a reference
        refused(post("milica.supervisor", transfer(caseId, "kirs",
                "{\"basis\": \"CONSENT\", \"consentReference\": \"signed form\", \"data\": " + EVERY_KIND + "}")),
                409, "consent-record-required");
        // part of the file declared, under a record or a legal basis
        refused(post("milica.supervisor", transfer(caseId, "kirs", "{\"basis\": \"CONSENT\", \"consentId\": \""
                + consentOf(caseId, "kirs") + "\", \"data\": [\"IDENTITY\"]}")), 409, "transfer-needs-whole-file");
        refused(post("milica.supervisor", transfer(caseId, "kirs",
                "{\"basis\": \"LEGAL_BASIS\", \"legalBasis\": \"Family Act\", \"data\": [\"IDENTITY\"]}")),
                409, "transfer-needs-whole-file");
        // a consent record that covers only part of the file
        ConsentChanged partial = consent(caseId, "kirs", null, List.of("IDENTITY", "LANGUAGE"), today(), null);
        TestReferrals.applied(kafka, em, consentEvent(EventType.CASE_CONSENT_RECORDED, partial));
        post("milica.supervisor", transfer(caseId, "kirs", "{\"basis\": \"CONSENT\", \"consentId\": \""
                + partial.consentId() + "\", \"data\": " + EVERY_KIND + "}"))
                .statusCode(409).contentType(PROBLEM).body("type", equalTo(PROBLEMS + "consent-not-valid"))
                .body("detail", containsString("does not cover the shared data"));
        // a caseworker's draft waits for a supervisor to send it
        String draft = post("ana.csr", transfer(caseId, "kirs", wholeFile(caseId, "kirs"))
                .replace("\"kind\"", "\"draft\": true, \"kind\"")).statusCode(201).extract().path("id");
        refused(action("ana.csr", draft, "send", null), 403, "supervisor-approval-required");

        // allowed: a supervisor, under a record covering the whole file, or on a legal basis naming every kind
        action("milica.supervisor", draft, "send", null).statusCode(200).body("status", equalTo("SENT"));
        post("milica.supervisor", transfer(caseId, "iom-serbia", "{\"basis\": \"LEGAL_BASIS\", \"legalBasis\": "
                + "\"Family Act, guardianship authority\", \"data\": " + EVERY_KIND + "}")).statusCode(201);
    }
}
