package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.referrals.ConsentSharingTest.post;
import static org.uputnica.referrals.ConsentSharingTest.refused;
import static org.uputnica.referrals.ConsentSharingTest.underConsent;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.today;

/**
 * A referral names a consent the projection has not heard of (recorded a moment ago, or before the projection
 * existed): the referral-service asks the case-service with the sender's token and keeps the answer.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
@QuarkusTestResource(value = FakeCaseService.class, restrictToAnnotatedClass = true)
class ConsentFallbackTest extends WithKafka {

    static String path(UUID caseId, UUID consentId) {
        return "/api/v1/cases/" + caseId + "/consents/" + consentId + "/terms";
    }

    /** The case-service's consent as JSON, with the fields this service ignores (who gave it, how). */
    static String consentJson(UUID caseId, UUID consentId, String toAgency, String withdrawnAt) {
        return """
                {"id": "%s", "caseId": "%s", "toAgency": "%s", "toAgencyKind": null, "data": ["IDENTITY", "LANGUAGE"],
                 "givenBy": "PARENT", "purpose": "psychosocial support", "form": "SIGNED_FORM",
                 "validFrom": "%s", "validUntil": null, "withdrawnAt": %s}"""
                .formatted(consentId, caseId, toAgency, today().minusDays(1), withdrawnAt == null ? "null"
                        : "\"" + withdrawnAt + "\"");
    }

    boolean inProjection(UUID consentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from consent where consent_id = :id").setParameter("id", consentId)
                .getSingleResult()).longValue() == 1);
    }

    @Test
    void aConsentTheProjectionLacksIsAskedOfTheCaseServiceWithTheServiceAccountTokenAndKept() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        UUID consentId = UUID.randomUUID();
        FakeCaseService.answer(path(caseId, consentId), 200, consentJson(caseId, consentId, "udruzenje-rod", null));

        post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", consentId, "IDENTITY", "LANGUAGE"))
                .statusCode(201).body("sharing.consentId", equalTo(consentId.toString()));
        List<FakeCaseService.Request> asked = FakeCaseService.requestsTo(path(caseId, consentId));
        assertEquals(1, asked.size());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(
                asked.get(0).authorization().substring("Bearer ".length()).split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"azp\":\"referral-service\"") && claims.contains("case-lookup")
                && !claims.contains("ana.csr"), "with the referral-service's own token, not the caller's: " + claims);
        assertTrue(inProjection(consentId), "the answer is kept");

        // the next sending reads the projection, and the same rules apply to the kept answer
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "iom-serbia", consentId, "IDENTITY")),
                "does not name the receiving agency iom-serbia");
        post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", consentId, "IDENTITY"))
                .statusCode(201);
        assertEquals(1, FakeCaseService.requestsTo(path(caseId, consentId)).size(), "asked once");
    }

    @Test
    void whatTheCaseServiceAnswersDecides() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");

        UUID unknown = UUID.randomUUID(); // the fake answers 404 for anything it was not told
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", unknown, "IDENTITY")),
                "no consent " + unknown + " was recorded for case " + caseId);

        UUID withdrawn = UUID.randomUUID();
        FakeCaseService.answer(path(caseId, withdrawn), 200,
                consentJson(caseId, withdrawn, "udruzenje-rod", "2026-11-20T10:15:00+01:00"));
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", withdrawn, "IDENTITY")),
                "was withdrawn on 2026-11-20");

        UUID failing = UUID.randomUUID();
        FakeCaseService.answer(path(caseId, failing), 500, null);
        post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", failing, "IDENTITY"))
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:dependency-unavailable"));
        assertEquals(false, inProjection(failing), "nothing is kept of a failed answer");
    }
}
