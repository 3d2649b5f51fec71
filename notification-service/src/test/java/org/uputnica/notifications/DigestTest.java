package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.notifications.digest.DigestPlanner;
import org.uputnica.notifications.email.NoticeMail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.EmailDeliveryTest.address;
import static org.uputnica.notifications.EmailDeliveryTest.savePreferences;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/** The coordinators' daily digest of their working group's day, by e-mail through the real SMTP server. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class DigestTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");
    static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    static final String KIKINDA = "kikinda-child-protection";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DigestPlanner digests;

    @Inject
    EntityManager em;

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BELGRADE).toOffsetDateTime();
    }

    @Test
    void aCoordinatorGetsHerGroupsDayOnceCountedInHerLanguage() {
        String jelena = address("jelena", "csr-kikinda");
        savePreferences("jelena.coordinator", Map.of("email", jelena, "language", "sr-Latn"));
        String mirza = address("mirza", "csr-bijeljina");
        savePreferences("mirza.coordinator", Map.of("email", mirza, "digest", false));
        try {
            ReferralEvents.Data answered = between("udruzenje-rod", "csr-kikinda").workingGroup(KIKINDA);
            ReferralEvents.Data escalated = between("iom-serbia", "csr-kikinda").workingGroup(KIKINDA);
            ReferralEvents.Data lateInTheDay = between("csr-kikinda", "udruzenje-rod").workingGroup(KIKINDA);
            ReferralEvents.Data nextDay = between("csr-kikinda", "kirs").workingGroup(KIKINDA);
            ReferralEvents.Data otherGroup = between("csr-bijeljina", "otaharin").workingGroup("bijeljina-child-protection");
            send(bootstrap, answered.eventAt(EventType.REFERRAL_SENT, at(DAY, 9, 0)),
                    answered.status("SENT", "SENT").actedBy(null).deadline("ACKNOWLEDGE")
                            .eventAt(EventType.REFERRAL_OVERDUE, at(DAY, 12, 0)));
            send(bootstrap, escalated.eventAt(EventType.REFERRAL_SENT, at(DAY, 10, 0)),
                    escalated.status("SENT", "SENT").actedBy(null).deadline("ACKNOWLEDGE")
                            .eventAt(EventType.REFERRAL_OVERDUE, at(DAY, 13, 0)),
                    escalated.eventAt(EventType.REFERRAL_ESCALATED, at(DAY, 18, 0)));
            // 23:30 in Belgrade is still the 15th, though it is 22:30 UTC; 00:30 the next night is not
            send(bootstrap, lateInTheDay.eventAt(EventType.REFERRAL_SENT, at(DAY, 23, 30)));
            send(bootstrap, nextDay.eventAt(EventType.REFERRAL_SENT, at(DAY.plusDays(1), 0, 30)));
            send(bootstrap, otherGroup.eventAt(EventType.REFERRAL_SENT, at(DAY, 10, 0)));
            EmailDeliveryTest.itemId("ana.csr", escalated.referralId, "REFERRAL_ESCALATED");
            EmailDeliveryTest.itemId("ana.csr", nextDay.referralId, "REFERRAL_SENT");
            EmailDeliveryTest.itemId("ana.csr", lateInTheDay.referralId, "REFERRAL_SENT");
            EmailDeliveryTest.itemId("senad.csr", otherGroup.referralId, "REFERRAL_SENT");

            assertTrue(digests.plan(DAY) >= 1);
            await().atMost(PATIENCE).until(() -> digestsTo(jelena).size() == 1);
            MimeMessage digest = digestsTo(jelena).get(0);
            assertEquals("Dnevni pregled radne grupe kikinda-child-protection: 15. januar 2026.", MailServer.subject(digest));
            String body = MailServer.body(digest);
            assertTrue(body.contains("3 nove uputnice\n2 uputnice sa isteklim rokom\n1 eskalirana uputnica"), body);
            assertTrue(body.contains(NoticeMail.reference(answered.referralId) + ": http://localhost:8084/referrals/"
                    + answered.referralId + "\n" + NoticeMail.reference(escalated.referralId) + " (eskalirana): "), body);

            assertEquals(0, digests.plan(DAY), "a day already planned queues nothing again");
            assertEquals(0, digests.plan(DAY.minusDays(1)), "nothing happened that day: no digest");
            assertEquals(0L, ((Number) em.createNativeQuery(
                            "select count(*) from email_delivery where digest_day is not null and address = :address")
                    .setParameter("address", mirza).getSingleResult()).longValue(), "mirza does not want the digest");
            assertEquals(1L, ((Number) em.createNativeQuery(
                            "select count(*) from email_delivery where event_id = :digest and address = :address")
                    .setParameter("digest", "digest:" + KIKINDA + ":" + DAY).setParameter("address", jelena)
                    .getSingleResult()).longValue());
        } finally {
            InboxApiTest.as("mirza.coordinator").when().delete("/api/v1/notification-settings/me").then().statusCode(204);
        }
    }

    static List<MimeMessage> digestsTo(String address) {
        return MailServer.to(address).stream().filter(m -> MailServer.subject(m).startsWith("Dnevni pregled")).toList();
    }
}
