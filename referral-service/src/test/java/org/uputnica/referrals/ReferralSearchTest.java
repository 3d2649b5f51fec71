package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.referral;
import static org.uputnica.referrals.TestReferrals.send;

/** The referral list's filters (service, sending period, overdue) and orders, over HTTP with real tokens. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class ReferralSearchTest extends WithKafka {

    static String referralOf(UUID caseId, String service, String urgency) {
        return referral(caseId, "udruzenje-rod").replace("PSYCHOSOCIAL_SUPPORT", service).replace("\"URGENT\"",
                "\"" + urgency + "\"");
    }

    static List<String> ids(String user, String query) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/referrals?size=200&" + query)
                .then().statusCode(200).extract().path("items.id");
    }

    int update(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }

    @Test
    void filtersByServicePeriodAndLatenessAndSorts() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String late = send("ana.csr", referralOf(caseId, "PSYCHOSOCIAL_SUPPORT", "ROUTINE"));
        String legal = send("ana.csr", referralOf(caseId, "LEGAL_AID", "EMERGENCY"));
        String old = send("ana.csr", referralOf(caseId, "SHELTER", "URGENT"));
        assertEquals(1, update("update referral set sent_at = timestamptz '2020-03-10 12:00:00+00', "
                + "created_at = timestamptz '2020-03-10 12:00:00+00' where id = :id", old));
        assertTrue(update("update referral_deadline set state = 'OVERDUE' where referral_id = :id", late) > 0);

        assertTrue(ids("marko.rod", "service=LEGAL_AID").contains(legal));
        assertTrue(!ids("marko.rod", "service=legal_aid").contains(late), "a service names one");
        List<String> march = ids("ana.csr", "direction=OUTGOING&sentFrom=2020-03-10&sentTo=2020-03-10");
        assertTrue(march.contains(old) && !march.contains(late), "sent that day only: " + march);
        assertTrue(!ids("ana.csr", "direction=OUTGOING&sentTo=2020-03-09").contains(old));
        List<String> overdue = ids("marko.rod", "overdue=true");
        assertTrue(overdue.contains(late) && !overdue.contains(legal), "late ones only: " + overdue);
        List<String> onTime = ids("marko.rod", "overdue=false");
        assertTrue(onTime.contains(legal) && !onTime.contains(late), "none late: " + onTime);

        // orders: most urgent first; oldest first; newest (the default) first
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        given().auth().oauth2(Tokens.of("marko.rod")).when()
                .get("/api/v1/referrals?sort=URGENCY&sentFrom=" + today + "&status=SENT&size=200")
                .then().statusCode(200).body("items[0].urgency", equalTo("EMERGENCY"));
        List<String> oldest = ids("marko.rod", "sort=OLDEST");
        assertTrue(oldest.indexOf(old) < oldest.indexOf(late) && oldest.indexOf(late) < oldest.indexOf(legal),
                "oldest first: " + oldest);
        List<String> newest = ids("marko.rod", "");
        assertTrue(newest.indexOf(legal) < newest.indexOf(late), "newest first: " + newest);
        given().auth().oauth2(Tokens.of("marko.rod")).when()
                .get("/api/v1/referrals?service=SHELTER&sentFrom=2020-03-01&sentTo=2020-03-31&sort=SENT")
                .then().statusCode(200).body("items.id", contains(old)).body("total", equalTo(1));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when()
                .get("/api/v1/referrals?direction=COORDINATED&overdue=true&size=200")
                .then().statusCode(200).body("items.id", hasItem(late)).body("items.id", not(hasItems(legal)));
    }

    @Test
    void badFiltersAre400sNamingTheParameter() {
        for (String[] bad : new String[][]{{"service=KNITTING", "service"}, {"sentFrom=2026-13-01", "sentFrom"},
                {"sentTo=yesterday", "sentTo"}, {"sentFrom=2026-03-02&sentTo=2026-03-01", "sentFrom"},
                {"overdue=maybe", "overdue"}, {"sort=RANDOM", "sort"}}) {
            given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?" + bad[0])
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(bad[1]));
        }
    }
}
