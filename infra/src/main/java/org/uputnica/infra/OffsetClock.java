package org.uputnica.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests: the system time (UTC) shifted by an offset that only a test moves, so that a deadline or a retry
 * due days ahead is due at once, without sleeping. Tests that never touch it see the real time; a test that moves it
 * resets it when done. Each service's tests register a subclass as the CDI alternative of the platform's Clock.
 */
public class OffsetClock extends Clock {
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
