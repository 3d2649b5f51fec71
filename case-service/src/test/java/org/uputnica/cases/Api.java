package org.uputnica.cases;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.uputnica.events.Actor;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.infra.Tokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the case-service tests say often: a user's request, a case opened, a referral event as the referral-service writes it. */
final class Api {
    static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    static String openCase(String user, String givenName, String familyName) {
        return as(user).body("""
                        {"person": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "2012-04-02", "sex": "FEMALE",
                                    "languages": ["ro", "sr"], "contacts": [{"kind": "PHONE", "value": "+381 64 000 111"}],
                                    "legalStatus": "CITIZEN"},
                         "category": "CHILD_FOUND_BEGGING"}""".formatted(givenName, familyName))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** A referral event of the case, as the referral-service publishes it. */
    static EventEnvelope referralEvent(EventType type, UUID referralId, String caseId, String from, String to,
                                       String status, String workingGroup, UUID consentId, List<String> shared,
                                       OffsetDateTime time) {
        ReferralChanged data = new ReferralChanged(referralId, UUID.fromString(caseId), from, to, "PSYCHOSOCIAL_SUPPORT",
                "URGENT", status, null, null, new Actor(to, "u-1"), "REFERRAL", null, null, null, null, workingGroup,
                consentId == null ? "LEGAL_BASIS" : "CONSENT", consentId, shared);
        return EventEnvelope.of(type, "/uputnica/referral-service", referralId.toString(), time, EventJson.toData(data));
    }
}
