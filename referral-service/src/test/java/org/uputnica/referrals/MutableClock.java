package org.uputnica.referrals;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Clock of every test of this module, in place of the platform's {@code @DefaultBean} system clock. It runs with
 * the system time, shifted by an offset that only a test moves: tests that do not touch it see the real time, and a
 * deadline test jumps days ahead without sleeping. Tests that advance it reset it afterwards.
 */
@Singleton
public class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    /** Moves the time forward (or back, with a negative duration) for everyone using the Clock. */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
