package org.uputnica.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The relay's settings (docs/runbook.md). */
@ConfigMapping(prefix = "uputnica.outbox")
public interface OutboxConfig {

    /** The safety-net poll (read by the relay's {@code @Scheduled} expression): a duration such as {@code 2s}, or {@code off}. */
    @WithDefault("2s")
    String pollInterval();

    /** The first poll's delay, until the messaging channels are connected. */
    @WithDefault("3s")
    String initialDelay();

    /** Rows one claim takes, sent together and deleted together. */
    @WithDefault("500")
    int batchSize();

    /** How long a batch waits for the broker's acks before it is released and retried. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long a claim holds its rows against other instances; twice the send timeout when not set. */
    Optional<Duration> lease();

    default Duration effectiveLease() {
        return lease().orElse(sendTimeout().multipliedBy(2));
    }
}
