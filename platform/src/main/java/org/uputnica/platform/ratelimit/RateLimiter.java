package org.uputnica.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket (Bucket4j) per limit and caller, in this process's memory: a service that runs as several
 * replicas allows each caller the limit once per replica. Plain Java, so that a test can drive it with its own clock.
 */
public class RateLimiter {
    private final Map<String, RateLimitConfig.Limit> limits;
    private final TimeMeter time;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Map<String, RateLimitConfig.Limit> limits, TimeMeter time) {
        this.limits = Map.copyOf(limits);
        this.time = time;
    }

    /** Takes one request from the caller's budget: empty if allowed, else the whole seconds until the next one is. */
    public OptionalLong tryAcquire(String limit, String caller) {
        RateLimitConfig.Limit configured = limits.get(limit);
        if (configured == null) {
            throw new IllegalStateException("no rate limit '" + limit + "' is configured: set uputnica.rate-limit."
                    + limit + ".requests and .period");
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(limit, caller), k -> bucket(configured));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
        return OptionalLong.of(Math.max(1, seconds));
    }

    /** Forgets the callers whose budget is full again: they are as if they had never called. */
    public int forgetIdle() {
        int before = buckets.size();
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= limits.get(e.getKey().limit()).capacity());
        return before - buckets.size();
    }

    int callers() {
        return buckets.size();
    }

    private Bucket bucket(RateLimitConfig.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.requests(), limit.period())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    private record Key(String limit, String caller) {
    }
}
