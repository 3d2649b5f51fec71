package org.uputnica.client;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a webhook delivery as the notification-service signs it (the Standard Webhooks scheme): the headers
 * {@code webhook-id}, {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}, one or more
 * space-separated {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, where the key is the
 * base64-decoded part of the secret after {@code whsec_}. During a secret rotation the header carries two signatures:
 * either may match. Hand-written because no Standard Webhooks library is served by our Maven mirror.
 */
public final class WebhookVerifier {
    /** How far the timestamp may be from now: a replayed old delivery is refused. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Clock clock;

    public WebhookVerifier(String secret) {
        this(secret, Clock.systemUTC());
    }

    WebhookVerifier(String secret, Clock clock) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.clock = clock;
    }

    /** Whether the delivery is authentic and recent. Pass the body exactly as received, before any parsing. */
    public boolean verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
            return false;
        }
        byte[] expected = sign(id + "." + seconds + "." + body);
        for (String one : signatures.strip().split(" +")) {
            if (one.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(one.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another signature of the list may still match
                }
            }
        }
        return false;
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
