package org.uputnica.platform.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class Manual implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    static RateLimitConfig.Limit limit(int requests, Duration period) {
        return limit(requests, period, null);
    }

    static RateLimitConfig.Limit limit(int requests, Duration period, Integer burst) {
        return new RateLimitConfig.Limit() {
            @Override
            public int requests() {
                return requests;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public Optional<Integer> burst() {
                return Optional.ofNullable(burst);
            }
        };
    }

    final Manual clock = new Manual();
    final RateLimiter limiter = new RateLimiter(Map.of("statistics", limit(3, Duration.ofMinutes(1)),
            "export", limit(1, Duration.ofHours(1))), clock);

    @Test
    void aCallerGetsTheLimitThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("statistics", "sub:ana").isEmpty(), "request " + i);
        }
        // three per minute refill one every 20 s
        assertEquals(OptionalLong.of(20), limiter.tryAcquire("statistics", "sub:ana"));
        clock.advance(Duration.ofSeconds(19));
        assertEquals(OptionalLong.of(1), limiter.tryAcquire("statistics", "sub:ana"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire("statistics", "sub:ana").isEmpty());
    }

    @Test
    void aBurstSmallerThanThePeriodsRequestsCapsWhatComesAtOnce() {
        RateLimiter bursty = new RateLimiter(Map.of("hsds", limit(60, Duration.ofMinutes(1), 2)), clock);
        assertTrue(bursty.tryAcquire("hsds", "address:10.0.0.1").isEmpty());
        assertTrue(bursty.tryAcquire("hsds", "address:10.0.0.1").isEmpty());
        assertEquals(OptionalLong.of(1), bursty.tryAcquire("hsds", "address:10.0.0.1"));
        clock.advance(Duration.ofSeconds(1)); // 60 a minute: one a second
        assertTrue(bursty.tryAcquire("hsds", "address:10.0.0.1").isEmpty());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(bursty.tryAcquire("hsds", "address:10.0.0.1").isEmpty());
        assertTrue(bursty.tryAcquire("hsds", "address:10.0.0.1").isEmpty());
        assertEquals(OptionalLong.of(1), bursty.tryAcquire("hsds", "address:10.0.0.1"), "never more than the burst");
    }

    @Test
    void eachCallerAndEachLimitHasItsOwnBudget() {
        assertTrue(limiter.tryAcquire("export", "sub:ana").isEmpty());
        assertEquals(OptionalLong.of(3600), limiter.tryAcquire("export", "sub:ana"));
        assertTrue(limiter.tryAcquire("export", "sub:milica").isEmpty(), "another caller");
        assertTrue(limiter.tryAcquire("statistics", "sub:ana").isEmpty(), "another limit");
        assertTrue(limiter.tryAcquire("export", "address:10.0.0.1").isEmpty(), "an address");
    }

    @Test
    void idleCallersAreForgottenAndUnknownLimitsRefused() {
        limiter.tryAcquire("statistics", "sub:ana");
        limiter.tryAcquire("export", "sub:milica");
        assertEquals(0, limiter.forgetIdle());
        clock.advance(Duration.ofHours(1));
        assertEquals(2, limiter.forgetIdle());
        assertEquals(0, limiter.callers());
        assertThrows(IllegalStateException.class, () -> limiter.tryAcquire("nothing", "sub:ana"));
    }
}
