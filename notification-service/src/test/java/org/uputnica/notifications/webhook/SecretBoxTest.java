package org.uputnica.notifications.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndForItsSubscription() {
        SecretBox box = new SecretBox(KEY);
        String secret = WebhookSignature.newSecret();
        String sealed = box.seal(secret, "subscription-1");
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains(secret.substring(6)));
        assertNotEquals(sealed, box.seal(secret, "subscription-1"), "a fresh IV each time");
        assertEquals(secret, box.open(sealed, "subscription-1"));
        assertThrows(IllegalArgumentException.class, () -> box.open(sealed, "subscription-2"));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(OTHER_KEY).open(sealed, "subscription-1"));
        char c = sealed.charAt(40);
        String altered = sealed.substring(0, 40) + (c == 'A' ? 'B' : 'A') + sealed.substring(41);
        assertThrows(IllegalArgumentException.class, () -> box.open(altered, "subscription-1"));
    }

    @Test
    void aKeyMustBeThirtyTwoBytesOfBase64() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("not base64 at all!"));
    }
}
