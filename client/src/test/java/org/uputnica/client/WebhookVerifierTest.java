package org.uputnica.client;

import org.junit.jupiter.api.Test;
import org.uputnica.notifications.webhook.WebhookSignature;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookVerifierTest {
    static final long SENT = 1_614_265_330L;
    static final Clock AT_SENDING = Clock.fixed(Instant.ofEpochSecond(SENT), ZoneOffset.UTC);
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BODY = "{\"type\":\"referral.accepted\",\"data\":{\"referralId\":\"6f1c2a9e\"}}";

    @Test
    void theStandardWebhooksExampleVerifies() {
        // the example of the Standard Webhooks specification
        assertTrue(new WebhookVerifier(SECRET, AT_SENDING).verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}"));
    }

    @Test
    void whatTheNotificationServiceSignsVerifies() {
        String signature = WebhookSignature.sign(SECRET, "delivery-1", SENT, BODY);
        assertTrue(new WebhookVerifier(SECRET, AT_SENDING).verify("delivery-1", Long.toString(SENT), signature, BODY));
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String old = WebhookSignature.newSecret();
        String both = WebhookSignature.signAll(List.of(SECRET, old), "delivery-1", SENT, BODY);
        assertTrue(new WebhookVerifier(old, AT_SENDING).verify("delivery-1", Long.toString(SENT), both, BODY));
        assertTrue(new WebhookVerifier(SECRET, AT_SENDING).verify("delivery-1", Long.toString(SENT), both, BODY));
    }

    @Test
    void aChangedBodyIdOrSecretDoesNot() {
        String signature = WebhookSignature.sign(SECRET, "delivery-1", SENT, BODY);
        WebhookVerifier verifier = new WebhookVerifier(SECRET, AT_SENDING);
        assertFalse(verifier.verify("delivery-1", Long.toString(SENT), signature, BODY.replace("accepted", "declined")));
        assertFalse(verifier.verify("delivery-2", Long.toString(SENT), signature, BODY));
        assertFalse(new WebhookVerifier(WebhookSignature.newSecret(), AT_SENDING)
                .verify("delivery-1", Long.toString(SENT), signature, BODY));
        assertFalse(verifier.verify("delivery-1", "not a number", signature, BODY));
        assertFalse(verifier.verify("delivery-1", Long.toString(SENT), "v1,???", BODY));
        assertFalse(verifier.verify(null, Long.toString(SENT), signature, BODY));
    }

    @Test
    void anOldOrFutureTimestampDoesNot() {
        String signature = WebhookSignature.sign(SECRET, "delivery-1", SENT, BODY);
        Clock tenMinutesLater = Clock.fixed(Instant.ofEpochSecond(SENT + 600), ZoneOffset.UTC);
        Clock tenMinutesEarlier = Clock.fixed(Instant.ofEpochSecond(SENT - 600), ZoneOffset.UTC);
        assertFalse(new WebhookVerifier(SECRET, tenMinutesLater).verify("delivery-1", Long.toString(SENT), signature, BODY));
        assertFalse(new WebhookVerifier(SECRET, tenMinutesEarlier).verify("delivery-1", Long.toString(SENT), signature, BODY));
    }
}
