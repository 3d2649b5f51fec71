package org.uputnica.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long an Idempotency-Key's first answer is kept (docs/runbook.md). */
@ConfigMapping(prefix = "uputnica.idempotency")
public interface IdempotencyConfig {
    /** The shortest retention the API promises to integrators. */
    Duration MINIMUM_RETENTION = Duration.ofHours(24);

    /** How long a key answers retries; shorter settings count as 24 hours. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often keys older than the retention are erased (read by the erasure's {@code @Scheduled} expression). */
    @WithDefault("1h")
    String eraseInterval();

    default Duration keptFor() {
        return retention().compareTo(MINIMUM_RETENTION) < 0 ? MINIMUM_RETENTION : retention();
    }
}
