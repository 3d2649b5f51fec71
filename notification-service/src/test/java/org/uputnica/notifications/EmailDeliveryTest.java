package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;
import org.uputnica.notifications.email.NoticeMail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/** Notices by e-mail through a real SMTP server: who gets which, in which language, once, and what happens on failure. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(MailServer.class)
class EmailDeliveryTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AdjustableClock clock;

    static String address(String name, String agency) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + agency + ".uputnica.test";
    }

    static void registerMailbox(String address, String language, List<String> kinds) {
        Map<String, Object> body = kinds == null ? Map.of("email", address, "language", language)
                : Map.of("email", address, "language", language, "kinds", kinds);
        as("nina.admin").contentType("application/json").body(body)
                .when().post("/api/v1/notification-settings/recipients").then().statusCode(201);
    }

    /** Saves them, and confirms a new address with the code it received (as its owner would). */
    static void savePreferences(String user, Map<String, Object> preferences) {
        boolean verified = as(user).contentType("application/json").body(preferences)
                .when().put("/api/v1/notification-settings/me").then().statusCode(200)
                .extract().jsonPath().getBoolean("emailVerified");
        if (preferences.get("email") instanceof String address && !verified) {
            as(user).contentType("application/json").body(Map.of("code", verificationCode(address)))
                    .when().post("/api/v1/notification-settings/me/email-verification").then().statusCode(200)
                    .body("emailVerified", org.hamcrest.Matchers.equalTo(true));
        }
    }

    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("(?m)^([A-Z2-9]{10})$");

    /** The code in the newest verification e-mail the address received. */
    static String verificationCode(String address) {
        await().atMost(PATIENCE).until(() -> !verificationMails(address).isEmpty());
        List<MimeMessage> mails = verificationMails(address);
        java.util.regex.Matcher m = CODE.matcher(MailServer.body(mails.get(mails.size() - 1)));
        assertTrue(m.find(), "a code in the e-mail");
        return m.group(1);
    }

    static List<MimeMessage> verificationMails(String address) {
        return MailServer.to(address).stream().filter(m -> MailServer.subject(m).startsWith("Uputnica: ")).toList();
    }

    /** The id of the caller's item of this kind about this referral, once it is there. */
    static String itemId(String user, UUID referralId, String kind) {
        await().atMost(PATIENCE).until(() -> as(user).queryParam("referralId", referralId.toString())
                .queryParam("kind", kind).when().get("/api/v1/inbox").then().extract().jsonPath().getInt("total") == 1);
        return as(user).queryParam("referralId", referralId.toString()).queryParam("kind", kind)
                .when().get("/api/v1/inbox").then().extract().path("items[0].id");
    }

    static JsonPath deliveries(String user, String itemId) {
        return as(user).when().get("/api/v1/inbox/" + itemId + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** The delivery of an item to one address, as the item's recipients see it; empty map while there is none. */
    static Map<String, Object> delivery(String user, String itemId, String address) {
        List<Map<String, Object>> all = deliveries(user, itemId).getList("$");
        return all.stream().filter(d -> masked(address).equals(d.get("recipient"))).findFirst().orElse(Map.of());
    }

    static List<MimeMessage> mailsAbout(String address, UUID referralId) {
        String reference = NoticeMail.reference(referralId);
        return MailServer.to(address).stream().filter(m -> MailServer.subject(m).contains(reference)).toList();
    }

    @Test
    void anAgencyMailboxGetsTheKindsItAskedForAndUrgentNoticesAnyway() {
        String duty = address("duty", "udruzenje-rod");
        registerMailbox(duty, "sr-Latn", List.of("REFERRAL_RECEIVED"));

        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> mailsAbout(duty, referral.referralId).size() == 1);
        MimeMessage mail = mailsAbout(duty, referral.referralId).get(0);
        assertEquals("Nova uputnica " + NoticeMail.reference(referral.referralId), MailServer.subject(mail));
        String body = MailServer.body(mail);
        assertTrue(body.contains("Vašoj ustanovi je upućena uputnica " + NoticeMail.reference(referral.referralId)), body);
        assertTrue(body.contains("http://localhost:8084/referrals/" + referral.referralId), body);
        assertFalse(body.contains(referral.caseId.toString()), "no case in an e-mail");
        assertFalse(body.contains("PSYCHOSOCIAL") || body.contains("csr-kikinda"), "no service, no agency: " + body);

        String received = itemId("marko.rod", referral.referralId, "REFERRAL_RECEIVED");
        await().atMost(PATIENCE).until(() -> "SENT".equals(delivery("marko.rod", received, duty).get("status")));
        Map<String, Object> status = delivery("marko.rod", received, duty);
        assertEquals("EMAIL", status.get("channel"));
        assertEquals(1, status.get("attempts"));
        assertNotNull(status.get("sentAt"));

        send(bootstrap, referral.status("ACCEPTED", "SENT").actedBy("udruzenje-rod").event(EventType.REFERRAL_ACCEPTED));
        String accepted = itemId("marko.rod", referral.referralId, "REFERRAL_ACCEPTED");
        assertEquals(Map.of(), delivery("marko.rod", accepted, duty), "not a kind the mailbox asked for");

        // ROD's own referral went overdue: urgent, so the mailbox hears of it whatever kinds it chose
        ReferralEvents.Data own = between("udruzenje-rod", "csr-kikinda");
        send(bootstrap, own.eventAt(EventType.REFERRAL_SENT, OffsetDateTime.now(ZoneOffset.UTC).minusHours(26)),
                own.status("SENT", "SENT").actedBy(null).deadline("ACKNOWLEDGE").event(EventType.REFERRAL_OVERDUE));
        await().atMost(PATIENCE).until(() -> mailsAbout(duty, own.referralId).size() == 1);
        MimeMessage overdue = mailsAbout(duty, own.referralId).get(0);
        assertEquals("Istekao je rok za uputnicu " + NoticeMail.reference(own.referralId), MailServer.subject(overdue));
        assertTrue(MailServer.body(overdue).contains("Uputnica čeka 26 sati od slanja."), MailServer.body(overdue));
    }

    @Test
    void aCoordinatorGetsHerGroupsNoticesInHerLanguageOncePerEvent() {
        String jelena = address("jelena", "csr-kikinda");
        savePreferences("jelena.coordinator", Map.of("email", jelena, "language", "sr-Cyrl"));

        // addressed to her twice: as coordinator of the group and as a member of the receiving agency
        ReferralEvents.Data referral = between("udruzenje-rod", "csr-kikinda").urgency("EMERGENCY")
                .workingGroup("kikinda-child-protection");
        send(bootstrap, referral.eventAt(EventType.REFERRAL_SENT, OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)),
                referral.status("SENT", "SENT").actedBy(null).deadline("ACKNOWLEDGE").event(EventType.REFERRAL_ESCALATED));
        String reference = NoticeMail.reference(referral.referralId);
        await().atMost(PATIENCE).until(() -> mailsAbout(jelena, referral.referralId).size() == 2);
        List<String> subjects = mailsAbout(jelena, referral.referralId).stream().map(MailServer::subject).sorted().toList();
        assertEquals(List.of("ХИТНО: Нова упутница " + reference, "ХИТНО: Упутница " + reference + " је ескалирана"), subjects);
        MimeMessage escalated = mailsAbout(jelena, referral.referralId).stream()
                .filter(m -> MailServer.subject(m).contains("ескалирана")).findFirst().orElseThrow();
        String body = MailServer.body(escalated);
        assertTrue(body.contains("координатору радне групе"), body);
        assertTrue(body.contains("Упутница чека 3 дана од слања."), body);
        assertTrue(body.matches("(?s).*Време: \\d{1,2}\\. \\p{IsCyrillic}+ \\d{4}\\. у \\d{2}:\\d{2}.*"), body);
    }

    @Test
    void peopleChooseTheirKindsButNotForUrgentNoticesAndAreNotToldOfTheirOwnActs() {
        String milica = address("milica", "csr-kikinda");
        String ana = address("ana", "csr-kikinda");
        savePreferences("milica.supervisor", Map.of("email", milica, "language", "en",
                "channels", Map.of("REFERRAL_SENT", List.of("INBOX"))));
        savePreferences("ana.csr", Map.of("email", ana));

        ReferralEvents.Data routine = between("csr-kikinda", "iom-serbia")
                .actedBy("csr-kikinda", InboxApiTest.subject(Tokens.of("ana.csr")));
        send(bootstrap, routine.event(EventType.REFERRAL_SENT));
        String sent = itemId("ana.csr", routine.referralId, "REFERRAL_SENT");
        List<String> told = deliveries("ana.csr", sent).getList("recipient");
        assertFalse(told.contains(masked(milica)), "milica switched e-mail off for referrals her agency sends: " + told);
        assertFalse(told.contains(masked(ana)), "ana sent it herself: " + told);

        send(bootstrap, routine.status("ACCEPTED", "SENT").actedBy("iom-serbia").event(EventType.REFERRAL_ACCEPTED));
        await().atMost(PATIENCE).until(() -> mailsAbout(milica, routine.referralId).size() == 1
                && mailsAbout(ana, routine.referralId).size() == 1);
        assertEquals("Referral " + NoticeMail.reference(routine.referralId) + " accepted",
                MailServer.subject(mailsAbout(milica, routine.referralId).get(0)));
        assertEquals("Uputnica " + NoticeMail.reference(routine.referralId) + " je prihvaćena",
                MailServer.subject(mailsAbout(ana, routine.referralId).get(0)), "ana's account language is sr-Latn");

        ReferralEvents.Data emergency = between("csr-kikinda", "iom-serbia").urgency("EMERGENCY");
        send(bootstrap, emergency.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> mailsAbout(milica, emergency.referralId).size() == 1);
        assertEquals("EMERGENCY: Referral " + NoticeMail.reference(emergency.referralId) + " sent",
                MailServer.subject(mailsAbout(milica, emergency.referralId).get(0)), "an emergency cannot be switched off");
    }

    @Test
    void aMailServerOutageDelaysOnlyEmailWhichIsRetriedWithBackOffAndFinallyFailsWithItsReason() {
        String outage = address("outage", "udruzenje-rod");
        registerMailbox(outage, "bs", null);
        MailServer.stopServer();
        try {
            ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
            send(bootstrap, referral.event(EventType.REFERRAL_SENT));
            String item = itemId("marko.rod", referral.referralId, "REFERRAL_RECEIVED"); // the inbox does not wait
            await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(delivery("marko.rod", item, outage).get("attempts")));
            Map<String, Object> failed = delivery("marko.rod", item, outage);
            assertEquals("PENDING", failed.get("status"));
            assertNotNull(failed.get("lastError"), "the reason is kept");
            OffsetDateTime next = OffsetDateTime.parse((String) failed.get("nextAttemptAt"));
            assertTrue(next.isAfter(OffsetDateTime.now(clock).plusSeconds(50)), "the first retry waits a minute: " + next);

            MailServer.startServer();
            clock.advance(Duration.ofMinutes(2));
            await().atMost(PATIENCE).until(() -> "SENT".equals(delivery("marko.rod", item, outage).get("status")));
            assertEquals(2, delivery("marko.rod", item, outage).get("attempts"));
            assertEquals("Nova uputnica " + NoticeMail.reference(referral.referralId),
                    MailServer.subject(mailsAbout(outage, referral.referralId).get(0)));

            MailServer.stopServer();
            ReferralEvents.Data lost = between("csr-kikinda", "udruzenje-rod");
            send(bootstrap, lost.event(EventType.REFERRAL_SENT));
            String lostItem = itemId("marko.rod", lost.referralId, "REFERRAL_RECEIVED");
            await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(delivery("marko.rod", lostItem, outage).get("attempts")));
            clock.advance(Duration.ofHours(7)); // beyond the six hours e-mail is retried for
            await().atMost(PATIENCE).until(() -> "FAILED".equals(delivery("marko.rod", lostItem, outage).get("status")));
            Map<String, Object> given = delivery("marko.rod", lostItem, outage);
            assertEquals(2, given.get("attempts"));
            assertNotNull(given.get("lastError"));
            assertNull(given.get("nextAttemptAt"));
        } finally {
            clock.reset();
            MailServer.stopServer();
            MailServer.startServer();
        }
    }

    @Test
    void deliveriesOfAnotherAgencysItemAreNotFound() {
        ReferralEvents.Data referral = between("csr-bijeljina", "otaharin");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));
        String item = itemId("amra.otaharin", referral.referralId, "REFERRAL_RECEIVED");
        as("senad.csr").when().get("/api/v1/inbox/" + item + "/deliveries")
                .then().statusCode(404).body("type", equalTo("urn:uputnica:problem:not-found"));
        given().when().get("/api/v1/inbox/" + item + "/deliveries").then().statusCode(401);
    }

    static String masked(String address) {
        return address.charAt(0) + "***" + address.substring(address.indexOf('@'));
    }
}
