package org.uputnica.notifications;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time plus an offset that a test moves forward, so that retries due in an hour
 * are due at once, without sleeping. It replaces the platform's system clock for every test of this module; a test
 * that moves it resets it when done.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
