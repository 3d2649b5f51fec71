package org.uputnica.referrals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.junit.jupiter.api.Test;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.consent;
import static org.uputnica.referrals.TestReferrals.consentEvent;
import static org.uputnica.referrals.TestReferrals.send;
import static org.uputnica.referrals.TestReferrals.today;
import static org.uputnica.referrals.TestReferrals.withdrawn;

/**
 * Referrals sent under a consent record of the case-service: which consents allow a sending (each failing condition
 * is a 409 consent-not-valid naming it), and what a withdrawal does to the referrals already sent under it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class ConsentSharingTest extends WithKafka {
    static final String CONSENT_NOT_VALID = "urn:uputnica:problem:consent-not-valid";
    static final String REASON = "Dijete treba podršku nakon smještaja";

    static String underConsent(UUID caseId, String toAgency, UUID consentId, String... data) {
        return """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "%s", "sharing": {"basis": "CONSENT", "consentId": "%s",
                 "consentReference": "signed form, mother", "data": ["%s"]}}"""
                .formatted(caseId, toAgency, REASON, consentId, String.join("\", \"", data));
    }

    static ValidatableResponse post(String user, String path, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    static ValidatableResponse refused(ValidatableResponse response, String detail) {
        return response.statusCode(409).contentType(PROBLEM).body("type", equalTo(CONSENT_NOT_VALID))
                .body("detail", containsString(detail));
    }

    static JsonPath read(String user, String id) {
        return given().auth().oauth2(Tokens.of(user)).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    UUID caseOfKikinda() {
        return TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
    }

    ConsentChanged recorded(ConsentChanged consent) {
        TestReferrals.applied(kafka, em, consentEvent(EventType.CASE_CONSENT_RECORDED, consent));
        return consent;
    }

    @Test
    void aConsentRecordAllowsASendingOnlyWhenItNamesTheReceiverCoversTheDataHoldsTodayAndStands() {
        UUID caseId = caseOfKikinda();
        var today = today();
        ConsentChanged toRod = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY", "LANGUAGE"),
                today.minusDays(30), today));
        String id = post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", toRod.consentId(),
                "IDENTITY", "LANGUAGE")).statusCode(201)
                .body("sharing.consentId", equalTo(toRod.consentId().toString()))
                .body("sharing.revokedAt", nullValue())
                .extract().path("id");
        assertEquals("SENT", read("marko.rod", id).getString("status"), "valid up to and including validUntil");

        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "iom-serbia", toRod.consentId(), "IDENTITY")),
                "does not name the receiving agency iom-serbia");
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", toRod.consentId(),
                "IDENTITY", "HEALTH")), "does not cover the shared data HEALTH");

        UUID otherCase = caseOfKikinda();
        refused(post("ana.csr", "/api/v1/referrals", underConsent(otherCase, "udruzenje-rod", toRod.consentId(),
                "IDENTITY")), "belongs to another case");

        ConsentChanged expired = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY"),
                today.minusDays(30), today.minusDays(1)));
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", expired.consentId(),
                "IDENTITY")), "expired on " + today.minusDays(1));

        ConsentChanged notYet = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY"),
                today.plusDays(1), null));
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", notYet.consentId(),
                "IDENTITY")), "is valid only from " + today.plusDays(1));

        ConsentChanged withdrawnConsent = consent(caseId, "udruzenje-rod", null, List.of("IDENTITY"),
                today.minusDays(30), null);
        recorded(withdrawnConsent);
        TestReferrals.applied(kafka, em, consentEvent(EventType.CASE_CONSENT_WITHDRAWN, withdrawn(withdrawnConsent)));
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod",
                withdrawnConsent.consentId(), "IDENTITY")), "was withdrawn on");
        // a consent-recorded arriving late (or replayed) does not make it valid again
        TestReferrals.applied(kafka, em, consentEvent(EventType.CASE_CONSENT_RECORDED, withdrawnConsent));
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod",
                withdrawnConsent.consentId(), "IDENTITY")), "was withdrawn on");

        // a consentReference alone (no record) can be neither checked nor withdrawn: refused, for a supervisor too
        String referenceOnly = """
                {"caseId": "%s", "toAgency": "iom-serbia", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "x", "sharing": {"basis": "CONSENT", "consentReference": "signed form, paper",
                 "data": ["IDENTITY"]}}""".formatted(caseId);
        for (String user : List.of("ana.csr", "milica.supervisor")) {
            post(user, "/api/v1/referrals", referenceOnly).statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:uputnica:problem:consent-record-required"));
        }
    }

    /**
     * The kinds of shared data are stored as comma-separated codes: a referral's sorted by name, a consent's in the
     * order the case-service gave them. Rows written in that format (by this or an older version) read back.
     */
    @Test
    void sharedDataKeepsItsStoredFormatAndStoredRowsReadBack() {
        UUID caseId = caseOfKikinda();
        ConsentChanged toRod = recorded(consent(caseId, "udruzenje-rod", null, List.of("LANGUAGE", "IDENTITY", "HEALTH"),
                today(), null));
        String id = post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", toRod.consentId(),
                "LANGUAGE", "IDENTITY")).statusCode(201).extract().path("id");

        assertEquals("LANGUAGE,IDENTITY,HEALTH", column("select data from consent where consent_id = :id",
                toRod.consentId()));
        assertEquals("IDENTITY,LANGUAGE", column("select shared_data from referral where id = :id", UUID.fromString(id)));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update referral set shared_data = 'CASE_SUMMARY,DATE_OF_BIRTH,HEALTH' where id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        assertEquals(List.of("DATE_OF_BIRTH", "HEALTH", "CASE_SUMMARY"), read("ana.csr", id).getList("sharing.data"),
                "a stored row reads back, in the order of the kinds");
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", toRod.consentId(),
                "IDENTITY", "CONTACT")), "does not cover the shared data CONTACT (it covers HEALTH, IDENTITY, LANGUAGE)");
    }

    String column(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).setParameter("id", id)
                .getSingleResult());
    }

    @Test
    void aConsentForAKindOfAgencyCoversEveryAgencyOfThatKindInTheDirectory() {
        UUID caseId = caseOfKikinda();
        ConsentChanged ngos = recorded(consent(caseId, null, "ngo", List.of("IDENTITY"), today(), null));
        post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", ngos.consentId(), "IDENTITY"))
                .statusCode(201);
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "kirs", ngos.consentId(), "IDENTITY")),
                "nor its kind government-agency");
    }

    @Test
    void everyWayOfSendingChecksTheConsentADraftSentAMultiAgencyRequestAndAForward() {
        UUID caseId = caseOfKikinda();
        ConsentChanged toRod = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY"), today(), null));

        // a draft may name any consent; sending it checks it
        String draft = post("ana.csr", "/api/v1/referrals", underConsent(caseId, "iom-serbia", toRod.consentId(),
                "IDENTITY").replace("\"urgency\": \"URGENT\"", "\"urgency\": \"URGENT\", \"draft\": true"))
                .statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        refused(action("ana.csr", draft, "send", null), "does not name the receiving agency iom-serbia");
        assertEquals("DRAFT", read("ana.csr", draft).getString("status"), "nothing of the refused send is kept");

        refused(post("ana.csr", "/api/v1/referral-groups", """
                {"caseId": "%s", "toAgencies": ["udruzenje-rod", "iom-serbia"], "service": "PSYCHOSOCIAL_SUPPORT",
                 "urgency": "URGENT", "reason": "x",
                 "sharing": {"basis": "CONSENT", "consentId": "%s", "data": ["IDENTITY"]}}"""
                .formatted(caseId, toRod.consentId())), "iom-serbia");

        // the consent was given for ROD: ROD cannot pass the referral on to an agency it does not name
        String sent = send("ana.csr", underConsent(caseId, "udruzenje-rod", toRod.consentId(), "IDENTITY"));
        refused(action("marko.rod", sent, "forward", """
                {"toAgency": "iom-serbia", "reason": "IOM runs the programme"}"""),
                "does not name the receiving agency iom-serbia");
        assertEquals("SENT", read("marko.rod", sent).getString("status"));
    }

    @Test
    void aConsentTheProjectionDoesNotKnowIsAskedOfTheCaseServiceAndItsOutageIsA503() {
        // The test profile points the case-service client at a closed port (ConsentFallbackTest has one that answers).
        UUID caseId = caseOfKikinda();
        post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", UUID.randomUUID(), "IDENTITY"))
                .statusCode(503).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:dependency-unavailable"));
    }

    @Test
    void aWithdrawalRevokesTheOpenReferralsUnderItOnceAndTheReceiverNoLongerSeesWhatWasShared() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        UUID caseId = caseOfKikinda();
        ConsentChanged consent = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY", "LANGUAGE"),
                today().minusDays(7), null));
        ConsentChanged another = recorded(consent(caseId, "udruzenje-rod", null, List.of("IDENTITY"), today(), null));
        String open = send("ana.csr", underConsent(caseId, "udruzenje-rod", consent.consentId(), "IDENTITY", "LANGUAGE"));
        String accepted = send("ana.csr", underConsent(caseId, "udruzenje-rod", consent.consentId(), "IDENTITY"));
        action("marko.rod", accepted, "accept", null).statusCode(200);
        String declined = send("ana.csr", underConsent(caseId, "udruzenje-rod", consent.consentId(), "IDENTITY"));
        action("marko.rod", declined, "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"No places\"}")
                .statusCode(200);
        String draft = post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", consent.consentId(),
                "IDENTITY").replace("\"urgency\": \"URGENT\"", "\"urgency\": \"URGENT\", \"draft\": true"))
                .statusCode(201).extract().path("id");
        String underAnother = send("ana.csr", underConsent(caseId, "udruzenje-rod", another.consentId(), "IDENTITY"));

        long versionBefore = read("ana.csr", open).getLong("version");
        EventEnvelope withdrawal = consentEvent(EventType.CASE_CONSENT_WITHDRAWN, withdrawn(consent));
        TestReferrals.applied(kafka, em, withdrawal);

        // the open referrals are revoked, their status unchanged; the closed one, the draft and the other consent's not
        JsonPath senderView = read("ana.csr", open);
        assertEquals("SENT", senderView.getString("status"));
        assertEquals(REASON, senderView.getString("reason"), "the sender still sees everything");
        assertEquals("signed form, mother", senderView.getString("sharing.consentReference"));
        assertEquals(false, senderView.getBoolean("withheld"));
        String revokedAt = senderView.getString("sharing.revokedAt");
        assertEquals(versionBefore + 1, senderView.getLong("version"), "a revocation is a change: a new ETag");
        assertEquals("ACCEPTED", read("ana.csr", accepted).getString("status"));
        assertNotNull(read("ana.csr", accepted).get("sharing.revokedAt"));
        assertNull(read("ana.csr", declined).get("sharing.revokedAt"), "a declined referral is closed");
        assertNull(read("ana.csr", draft).get("sharing.revokedAt"), "nobody received a draft");
        assertNull(read("ana.csr", underAnother).get("sharing.revokedAt"));

        JsonPath receiverView = read("marko.rod", open);
        assertEquals("SENT", receiverView.getString("status"));
        assertNull(receiverView.get("reason"), "the receiver no longer gets the shared reason");
        assertNull(receiverView.get("sharing.consentReference"));
        assertEquals(true, receiverView.getBoolean("withheld"));
        assertEquals(revokedAt, receiverView.getString("sharing.revokedAt"));
        assertEquals("CONSENT", receiverView.getString("sharing.basis"));
        assertEquals(List.of("IDENTITY", "LANGUAGE"), receiverView.getList("sharing.data"), "what to stop using");
        assertEquals(caseId.toString(), receiverView.getString("caseId"));
        assertNull(read("marko.rod", accepted).get("reason"));
        assertEquals("No places", read("marko.rod", declined).getString("declineNote"));
        assertEquals(REASON, read("marko.rod", declined).getString("reason"), "closed before: not revoked");
        assertEquals(REASON, read("marko.rod", underAnother).getString("reason"));
        // nor in the incoming list, nor in what an action answers
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals?direction=INCOMING&size=200")
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.reason".formatted(open), nullValue())
                .body("items.find { it.id == '%s' }.withheld".formatted(open), equalTo(true))
                .body("items.find { it.id == '%s' }.reason".formatted(underAnother), equalTo(REASON));
        action("marko.rod", open, "acknowledge", null).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("reason", nullValue()).body("withheld", equalTo(true));

        // the history says so, as the system, without a status change
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + open + "/history")
                .then().statusCode(200)
                .body("[1].actorAgency", equalTo("uputnica"))
                .body("[1].reasonCode", equalTo("CONSENT_WITHDRAWN"))
                .body("[1].fromStatus", equalTo("SENT"))
                .body("[1].toStatus", equalTo("SENT"));

        // one sharing-revoked event per revoked referral: ids and codes, no free text
        await().atMost(Duration.ofSeconds(30)).until(() -> revokedEvents(events, open).size() == 1
                && revokedEvents(events, accepted).size() == 1);
        ReferralChanged event = EventJson.data(EventJson.read(revokedEvents(events, open).get(0)), ReferralChanged.class);
        assertEquals("SENT", event.status());
        assertEquals("SENT", event.previousStatus());
        assertEquals("CONSENT_WITHDRAWN", event.reasonCode());
        assertEquals(consent.consentId(), event.consentId());
        assertEquals("uputnica", event.actor().agency());
        assertFalse(revokedEvents(events, open).get(0).contains("podršku"), "the reason never travels");

        // the same withdrawal again (redelivered), and announced once more under a new id: nothing changes
        EventEnvelope again = consentEvent(EventType.CASE_CONSENT_WITHDRAWN, withdrawn(consent));
        kafka.produceStrings().fromRecords(org.uputnica.infra.EventRecords.of(Topic.CASE_EVENTS, withdrawal))
                .awaitCompletion();
        TestReferrals.applied(kafka, em, again); // same partition: the redelivered one was handled before it
        assertEquals(Map.of(open, 1L, accepted, 1L), revocationsInHistory(List.of(open, accepted)));
        assertEquals(revokedAt, read("ana.csr", open).getString("sharing.revokedAt"));
        for (String id : List.of(declined, draft, underAnother)) {
            assertEquals(0, revokedEvents(events, id).size(), id);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                revokedEvents(events, open).size() == 1 && revokedEvents(events, accepted).size() == 1);
        events.stop();

        // nothing new goes out under the withdrawn consent, the draft included
        refused(action("ana.csr", draft, "send", null), "was withdrawn on");
        refused(post("ana.csr", "/api/v1/referrals", underConsent(caseId, "udruzenje-rod", consent.consentId(),
                "IDENTITY")), "was withdrawn on");
    }

    static List<String> revokedEvents(ConsumerTask<String, String> events, String referralId) {
        return events.getRecords().stream().filter(r -> referralId.equals(r.key()))
                .map(r -> r.value())
                .filter(v -> EventType.REFERRAL_SHARING_REVOKED.value().equals(EventJson.read(v).type()))
                .toList();
    }

    Map<String, Long> revocationsInHistory(List<String> referralIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String id : referralIds) {
                counts.put(id, ((Number) em.createNativeQuery("""
                                select count(*) from referral_history
                                where referral_id = :id and reason_code = 'CONSENT_WITHDRAWN'""")
                        .setParameter("id", UUID.fromString(id)).getSingleResult()).longValue());
            }
            return counts;
        });
    }
}
