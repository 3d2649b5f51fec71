package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.notifications.email.NoticeMail;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.EmailDeliveryTest.address;
import static org.uputnica.notifications.EmailDeliveryTest.mailsAbout;
import static org.uputnica.notifications.EmailDeliveryTest.registerMailbox;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/**
 * referral.sharing-revoked (a consent was withdrawn): both agencies are told, by e-mail whatever they chose, with the
 * reference and the link only; once per event. (The SMTP server is MailServer, which runs for every test here.)
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class SharingRevokedNoticeTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static JsonPath inbox(String user, UUID referralId) {
        return as(user).queryParam("referralId", referralId.toString()).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void bothAgenciesAreToldAndAMailboxThatAskedForOtherKindsIsMailedAnywayOnce() {
        String duty = address("duty", "udruzenje-rod");
        registerMailbox(duty, "en", List.of("REFERRAL_RECEIVED"));
        UUID consentId = UUID.randomUUID();
        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod").status("ACCEPTED", "ACCEPTED")
                .reason("CONSENT_WITHDRAWN").actedBy("uputnica", "uputnica").consent(consentId, "IDENTITY", "LANGUAGE");
        EventEnvelope revoked = referral.event(EventType.REFERRAL_SHARING_REVOKED);
        send(bootstrap, revoked);

        await().atMost(PATIENCE).until(() -> inbox("marko.rod", referral.referralId).getInt("total") == 1
                && inbox("ana.csr", referral.referralId).getInt("total") == 1);
        JsonPath receiver = inbox("marko.rod", referral.referralId);
        assertEquals("REFERRAL_SHARING_REVOKED", receiver.getString("items[0].kind"));
        assertEquals("udruzenje-rod", receiver.getString("items[0].recipientAgency"));
        assertEquals("ACCEPTED", receiver.getString("items[0].status"), "the referral stays where it was");
        assertEquals("CONSENT_WITHDRAWN", receiver.getString("items[0].reasonCode"));
        assertEquals("REFERRAL_SHARING_REVOKED", inbox("ana.csr", referral.referralId).getString("items[0].kind"));
        assertFalse(receiver.prettify().contains(consentId.toString()), "the inbox item carries no sharing details");

        await().atMost(PATIENCE).until(() -> mailsAbout(duty, referral.referralId).size() == 1);
        MimeMessage mail = mailsAbout(duty, referral.referralId).get(0);
        String reference = NoticeMail.reference(referral.referralId);
        assertEquals("Referral " + reference + ": consent withdrawn", MailServer.subject(mail));
        String body = MailServer.body(mail);
        assertTrue(body.contains("http://localhost:8084/referrals/" + referral.referralId), body);
        for (String personal : List.of(referral.caseId.toString(), consentId.toString(), "csr-kikinda", "IDENTITY",
                "PSYCHOSOCIAL")) {
            assertFalse(body.contains(personal), "no " + personal + " in the e-mail: " + body);
        }

        // redelivered: no second item, no second e-mail (a later event of the referral shows it was handled)
        send(bootstrap, revoked, referral.status("COMPLETED", "ACCEPTED").reason("PROVIDED").actedBy("udruzenje-rod")
                .event(EventType.REFERRAL_COMPLETED));
        await().atMost(PATIENCE).until(() -> inbox("ana.csr", referral.referralId).getInt("total") == 2);
        assertEquals(List.of("REFERRAL_COMPLETED", "REFERRAL_SHARING_REVOKED"),
                inbox("marko.rod", referral.referralId).getList("items.kind").stream().sorted().toList());
        assertEquals(1, mailsAbout(duty, referral.referralId).size(), "the completion is not a kind it asked for");
    }
}
