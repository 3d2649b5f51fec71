package org.uputnica.notifications.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the webhooks, {@code uputnica.webhooks.*}. */
@ConfigMapping(prefix = "uputnica.webhooks")
public interface WebhookConfig {

    /** Refuse http:// endpoints (dev and test allow them). */
    @WithDefault("true")
    boolean requireHttps();

    /** Active webhooks an agency may have at once. */
    @WithDefault("10")
    int maxPerAgency();

    /**
     * Endpoints exempt from the public-address rule (see {@link PublicAddresses}): a host name as written in the URL
     * (e.g. {@code localhost} in tests) or an address range in CIDR notation (e.g. a ministry's integration network
     * {@code 10.20.0.0/16}). Empty by default: only public internet addresses are called.
     */
    Optional<List<String>> allowedHosts();

    @WithDefault("50")
    int batchSize();

    /** How long a claimed delivery is left to its instance before another may send it again. */
    @WithDefault("PT5M")
    Duration lease();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Until the answer's headers arrive. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** The whole attempt, the answer's body included: a receiver that drips its answer is cut off here. */
    @WithDefault("PT20S")
    Duration attemptDeadline();

    /** Attempts under way at once, over all endpoints; the rest wait for the next poll. */
    @WithDefault("100")
    int maxInFlight();

    /** Read by the scheduler's expression; listed here so that every key has one place. */
    @WithDefault("2s")
    String pollInterval();

    @WithDefault("2s")
    String initialDelay();

    /**
     * The AES-256 key (base64 of 32 random bytes) that seals the webhooks' secrets in the database. Production has no
     * default: the service does not start without WEBHOOKS_SECRET_KEY.
     */
    String secretKey();

    /**
     * The referral-service's public FHIR base (e.g. {@code https://uputnica.gov.rs/fhir}): an FHIR webhook's
     * notification names its Task by the full URL under it. Unset: by the relative reference {@code Task/{id}}.
     */
    Optional<String> fhirBase();

    Retry retry();

    interface Retry {
        @WithDefault("PT30S")
        Duration firstDelay();

        @WithDefault("PT4H")
        Duration maxDelay();

        @WithDefault("PT24H")
        Duration giveUpAfter();
    }
}
