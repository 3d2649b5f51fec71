package org.uputnica.notifications.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A subscription's signing secrets, sealed at rest ({@link SecretBox}). A subscription has one secret, or two while
 * the integrator moves to a new one: deliveries are then signed with both (Standard Webhooks allows several
 * signatures), until the old one is retired.
 */
@ApplicationScoped
public class WebhookSecrets {
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final SecretBox box;

    public WebhookSecrets(WebhookConfig config) {
        this.box = new SecretBox(config.secretKey());
    }

    /** Sets a new secret and returns it in plain, to be shown once. */
    String issue(WebhookSubscription s) {
        String plain = WebhookSignature.newSecret();
        s.secret = box.seal(plain, s.id.toString());
        return plain;
    }

    /** The secrets that sign a delivery: the current one first. */
    List<String> signing(UUID id, String secret, String previousSecret) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(open(id, secret));
        if (previousSecret != null) {
            secrets.add(open(id, previousSecret));
        }
        return secrets;
    }

    private String open(UUID id, String stored) {
        // a secret stored before sealing existed is used as it is until the start-up sealing below reaches it
        return SecretBox.isSealed(stored) ? box.open(stored, id.toString()) : stored;
    }

    /** Seals secrets stored in plain by an earlier version. */
    void sealPlainSecrets(@Observes StartupEvent start) {
        int sealed = QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookSubscription> plain = WebhookSubscription.list(
                    "secret not like 'gcm1:%' or (previousSecret is not null and previousSecret not like 'gcm1:%')");
            for (WebhookSubscription s : plain) {
                if (!SecretBox.isSealed(s.secret)) {
                    s.secret = box.seal(s.secret, s.id.toString());
                }
                if (s.previousSecret != null && !SecretBox.isSealed(s.previousSecret)) {
                    s.previousSecret = box.seal(s.previousSecret, s.id.toString());
                }
            }
            return plain.size();
        });
        if (sealed > 0) {
            LOG.infof("sealed the secrets of %d webhooks stored in plain", sealed);
        }
    }

    /** Starts a rotation: the current secret becomes the previous one, still signing; returns the new one in plain. */
    String rotate(WebhookSubscription s) {
        s.previousSecret = s.secret;
        return issue(s);
    }
}
