package org.uputnica.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The limits that {@link RateLimited} names, by name: {@code uputnica.rate-limit.statistics.requests=20} and
 * {@code uputnica.rate-limit.statistics.period=PT1M}, optionally {@code .burst}. The defaults are in the platform's microprofile-config.properties.
 */
@ConfigMapping(prefix = "uputnica.rate-limit")
public interface RateLimitConfig {

    @WithParentName
    Map<String, Limit> limits();

    interface Limit {
        /** How many requests one caller may make in a period. */
        int requests();

        /** How many of them may come at once (the bucket's size); by default all of a period's requests. */
        Optional<Integer> burst();

        default int capacity() {
            return burst().orElse(requests());
        }

        /** The period over which the requests refill, evenly (an ISO-8601 duration, e.g. PT1M). */
        Duration period();
    }
}
