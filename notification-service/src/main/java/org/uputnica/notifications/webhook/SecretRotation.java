package org.uputnica.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Rotating a webhook's secret without a gap: a new secret is issued while the old one keeps signing, so deliveries
 * carry both signatures ("v1,new v1,old") until the integrator, having switched its receiver, retires the old one.
 */
@ApplicationScoped
public class SecretRotation {
    public static final String ROTATION_PENDING = ProblemType.of("secret-rotation-pending");

    private final WebhookSecrets secrets;
    private final Clock clock;

    public SecretRotation(WebhookSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @return the webhook with its new secret, shown this once */
    @Transactional
    public WebhookView rotate(Caller caller, UUID id) {
        WebhookSubscription s = Webhooks.active(caller, id);
        if (s.previousSecret != null) {
            throw ProblemException.conflict(ROTATION_PENDING,
                    "a rotation is under way: retire the previous secret before rotating again (at most two secrets sign)");
        }
        String secret = secrets.rotate(s);
        s.secretRotatedAt = OffsetDateTime.now(clock);
        return WebhookView.of(s, secret);
    }

    /** Ends a rotation: only the new secret signs from now on. Nothing to retire is not an error. */
    @Transactional
    public WebhookView retirePrevious(Caller caller, UUID id) {
        WebhookSubscription s = Webhooks.active(caller, id);
        s.previousSecret = null;
        return WebhookView.of(s, null);
    }
}
