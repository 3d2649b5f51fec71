package org.uputnica.notifications.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {
    static final RetrySchedule WEBHOOKS = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofHours(24));
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    @Test
    void eachFailureDoublesTheWaitUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(30), WEBHOOKS.delayAfter(1));
        assertEquals(Duration.ofMinutes(1), WEBHOOKS.delayAfter(2));
        assertEquals(Duration.ofMinutes(2), WEBHOOKS.delayAfter(3));
        assertEquals(Duration.ofMinutes(64), WEBHOOKS.delayAfter(8));
        assertEquals(Duration.ofHours(4), WEBHOOKS.delayAfter(10));
        assertEquals(Duration.ofHours(4), WEBHOOKS.delayAfter(1000), "no overflow however long it fails");
        assertThrows(IllegalArgumentException.class, () -> WEBHOOKS.delayAfter(0));
    }

    @Test
    void retriesEndADayAfterTheDeliveryWasCreated() {
        assertEquals(CREATED.plusSeconds(30), WEBHOOKS.nextAttempt(1, CREATED, CREATED).orElseThrow());
        // walk the whole schedule as a failing endpoint would: every attempt fails at once
        OffsetDateTime now = CREATED;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = WEBHOOKS.nextAttempt(attempts, CREATED, now);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }
        assertTrue(now.isBefore(CREATED.plusHours(24)) && now.isAfter(CREATED.plusHours(20)), "last attempt at " + now);
        assertEquals(14, attempts, "30 s doubling to 4 h fits 14 attempts into a day");
    }

    @Test
    void aScheduleNeedsAPositiveFirstDelayBelowItsCeiling() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1)));
    }
}
