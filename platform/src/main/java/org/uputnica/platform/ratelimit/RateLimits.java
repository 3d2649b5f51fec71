package org.uputnica.platform.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/** The service's rate limiter, from configuration; idle callers are forgotten every few minutes. */
@ApplicationScoped
public class RateLimits {
    private final RateLimiter limiter;

    public RateLimits(RateLimitConfig config) {
        this.limiter = new RateLimiter(config.limits(), TimeMeter.SYSTEM_NANOTIME);
    }

    public OptionalLong tryAcquire(String limit, String caller) {
        return limiter.tryAcquire(limit, caller);
    }

    @Scheduled(every = "5m", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        limiter.forgetIdle();
    }
}
