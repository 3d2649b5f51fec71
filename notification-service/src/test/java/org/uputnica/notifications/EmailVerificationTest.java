package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uputnica.notifications.EmailDeliveryTest.PATIENCE;
import static org.uputnica.notifications.EmailDeliveryTest.address;
import static org.uputnica.notifications.EmailDeliveryTest.mailsAbout;
import static org.uputnica.notifications.EmailDeliveryTest.verificationCode;
import static org.uputnica.notifications.EmailDeliveryTest.verificationMails;
import static org.uputnica.notifications.InboxApiTest.as;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/**
 * Issue 15: an address a user sets gets only its code until the user enters it; the copy of the user's agency and
 * roles counts while the user keeps using the service, so staff who left stop getting e-mail.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class EmailVerificationTest {
    static final String ME = "/api/v1/notification-settings/me";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTimeAndNoAddress() {
        clock.reset();
        as("marko.rod").when().delete(ME).then().statusCode(204); // other tests count ROD's deliveries
    }

    @Inject
    EntityManager em;

    long count(String sql, Object referralId, String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("referral", referralId).setParameter("address", address).getSingleResult()).longValue());
    }

    /**
     * A referral to ROD, and whether marko's address was mailed about it. Read in the database, not through marko's
     * inbox: his calls would refresh his copy.
     */
    boolean markoIsMailed(String marko) {
        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT));
        await().atMost(PATIENCE).until(() -> count("""
                select count(*) from inbox_item where referral_id = :referral and kind = 'REFERRAL_RECEIVED'
                and cast(:address as text) is not null""", referral.referralId, marko) > 0); // e-mails are planned with it
        if (count("""
                select count(*) from email_delivery d join inbox_item i on i.id = d.inbox_item_id
                where i.referral_id = :referral and lower(d.address) = lower(:address)""", referral.referralId, marko) == 0) {
            return false;
        }
        await().atMost(PATIENCE).until(() -> mailsAbout(marko, referral.referralId).size() == 1);
        return true;
    }

    @Test
    void aNewAddressGetsNothingButItsCodeUntilItIsConfirmed() {
        String marko = address("marko", "udruzenje-rod");
        as("marko.rod").contentType("application/json").body(Map.of("email", marko))
                .when().put(ME).then().statusCode(200).body("emailVerified", equalTo(false));
        String code = verificationCode(marko);

        assertEquals(false, markoIsMailed(marko), "not confirmed yet");
        assertEquals(1, verificationMails(marko).size());
        assertEquals(1, MailServer.to(marko).size(), "nothing but the code");

        as("marko.rod").contentType("application/json").body(Map.of("code", "AAAAAAAAAA"))
                .when().post(ME + "/email-verification").then().statusCode(409)
                .body("type", equalTo("urn:uputnica:problem:email-code-invalid"));
        as("marko.rod").contentType("application/json").body(Map.of("code", code.toLowerCase()))
                .when().post(ME + "/email-verification").then().statusCode(200).body("emailVerified", equalTo(true));
        assertEquals(true, markoIsMailed(marko));

        // another address: confirmed again before it gets anything
        String other = address("marko", "udruzenje-rod");
        as("marko.rod").contentType("application/json").body(Map.of("email", other))
                .when().put(ME).then().statusCode(200).body("emailVerified", equalTo(false));
        assertEquals(false, markoIsMailed(other));
    }

    @Test
    void aCodeExpires() {
        String marko = address("marko", "udruzenje-rod");
        as("marko.rod").contentType("application/json").body(Map.of("email", marko)).when().put(ME).then().statusCode(200);
        String code = verificationCode(marko);
        clock.advance(Duration.ofHours(25));
        as("marko.rod").contentType("application/json").body(Map.of("code", code))
                .when().post(ME + "/email-verification").then().statusCode(409)
                .body("type", equalTo("urn:uputnica:problem:email-code-invalid"));
    }

    /** Someone who no longer signs in (left the agency: no more tokens) stops getting e-mail; using it refreshes. */
    @Test
    void theCopyOfAgencyAndRolesAgesOutWithoutUse() {
        String marko = address("marko", "udruzenje-rod");
        EmailDeliveryTest.savePreferences("marko.rod", Map.of("email", marko));
        assertEquals(true, markoIsMailed(marko));

        clock.advance(Duration.ofDays(31));
        assertEquals(false, markoIsMailed(marko), "not seen for 31 days");

        as("marko.rod").when().get("/api/v1/inbox/count").then().statusCode(200); // back, with a token
        assertEquals(true, markoIsMailed(marko));
    }
}
