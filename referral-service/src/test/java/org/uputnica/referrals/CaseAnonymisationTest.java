package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseAnonymised;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.infra.Tokens;
import org.uputnica.infra.InfrastructureResource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.referral;
import static org.uputnica.referrals.TestReferrals.send;

/** case.anonymised: the free text kept about the case's referrals goes, the codes stay, and once is enough. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class CaseAnonymisationTest extends WithKafka {

    static EventEnvelope anonymised(UUID caseId) {
        return EventEnvelope.of(EventType.CASE_ANONYMISED, "/uputnica/case-service", caseId.toString(),
                OffsetDateTime.now(), EventJson.toData(new CaseAnonymised(caseId, "csr-kikinda",
                        new Actor("csr-kikinda", "u-1"))));
    }

    static JsonPath read(String user, String id) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theReasonsNotesAndSharingTextsOfTheCasesReferralsAreErasedAndTheirCodesKept() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String declined = send("ana.csr", referral(caseId, "udruzenje-rod"));
        action("marko.rod", declined, "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"No places for Amir\"}")
                .statusCode(200);
        String onHold = send("ana.csr", referral(caseId, "iom-serbia"));
        action("ivana.iom", onHold, "accept", "{\"note\": \"Amir starts Monday\"}").statusCode(200);
        action("ivana.iom", onHold, "hold", "{\"reason\": \"Amir is in hospital\"}").statusCode(200);
        String completed = send("ana.csr", referral(caseId, "kirs"));
        action("dragan.kirs", completed, "accept", null).statusCode(200);
        action("dragan.kirs", completed, "complete", "{\"outcome\": \"PROVIDED\", \"note\": \"Placed with his aunt\"}")
                .statusCode(200);
        String withdrawn = send("ana.csr", referral(caseId, "udruzenje-rod"));
        action("ana.csr", withdrawn, "withdraw", "{\"reason\": \"Family moved to Novi Sad\"}").statusCode(200);
        String legal = given().auth().oauth2(Tokens.of("milica.supervisor")).contentType(ContentType.JSON).body("""
                        {"caseId": "%s", "toAgency": "kirs", "service": "SHELTER", "urgency": "EMERGENCY",
                         "reason": "Found alone at the station", "sharing": {"basis": "LEGAL_BASIS",
                         "legalBasis": "Family law art. 263: urgent protection of Amir", "data": ["IDENTITY"]}}"""
                        .formatted(caseId))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        UUID otherCase = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String untouched = send("ana.csr", referral(otherCase, "udruzenje-rod"));
        List<String> ofTheCase = List.of(declined, onHold, completed, withdrawn, legal);
        long versionBefore = read("ana.csr", declined).getLong("version");

        assertEquals(5, notesInHistory(ofTheCase), "the notes of decline, accept, hold, complete and withdraw");
        EventEnvelope anonymisation = anonymised(caseId);
        TestReferrals.applied(kafka, em, anonymisation);

        for (String id : ofTheCase) {
            for (String user : List.of("ana.csr", "milica.supervisor")) {
                JsonPath view = read(user, id);
                assertNull(view.get("reason"), id);
                assertNull(view.get("declineNote"), id);
                assertNull(view.get("outcomeNote"), id);
                assertNull(view.get("holdReason"), id);
                assertNull(view.get("withdrawReason"), id);
                assertNull(view.get("sharing.consentReference"), id);
                assertNull(view.get("sharing.legalBasis"), id);
                assertNotNull(view.get("anonymisedAt"), id);
                assertEquals(caseId.toString(), view.getString("caseId"));
            }
        }
        assertEquals(0, notesInHistory(ofTheCase), "no history note of the case's referrals is left");
        JsonPath decline = read("marko.rod", declined);
        assertEquals("DECLINED", decline.getString("status"));
        assertEquals("NO_CAPACITY", decline.getString("declineCode"), "codes stay for the statistics");
        assertEquals(List.of("IDENTITY"), decline.getList("sharing.data"));
        assertEquals("PROVIDED", read("dragan.kirs", completed).getString("outcome"));
        assertEquals("ON_HOLD", read("ivana.iom", onHold).getString("status"));
        assertEquals("LEGAL_BASIS", read("milica.supervisor", legal).getString("sharing.basis"));
        assertNotNull(read("ana.csr", legal).get("sentAt"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + declined + "/history")
                .then().statusCode(200)
                .body("toStatus", org.hamcrest.Matchers.contains("SENT", "DECLINED"))
                .body("reasonCode", org.hamcrest.Matchers.contains(null, "NO_CAPACITY"));
        assertEquals(versionBefore + 1, read("ana.csr", declined).getLong("version"));

        JsonPath other = read("ana.csr", untouched);
        assertEquals("Dijete treba podršku nakon smještaja", other.getString("reason"), "another case keeps its text");
        assertNull(other.get("anonymisedAt"));

        // announced again (a new event for the same case): nothing changes, not even the version
        String anonymisedAt = read("ana.csr", declined).getString("anonymisedAt");
        TestReferrals.applied(kafka, em, anonymised(caseId));
        assertEquals(anonymisedAt, read("ana.csr", declined).getString("anonymisedAt"));
        assertEquals(versionBefore + 1, read("ana.csr", declined).getLong("version"));
    }

    long notesInHistory(List<String> referralIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from referral_history where note is not null and referral_id in (:ids)""")
                .setParameter("ids", referralIds.stream().map(UUID::fromString).toList())
                .getSingleResult()).longValue());
    }
}
