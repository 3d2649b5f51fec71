package org.uputnica.notifications.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Exponential back-off with a ceiling and an overall deadline, as data: the next attempt is stored with the delivery,
 * so a restart loses no retry and several instances agree on when a delivery is due. Times come from the caller's
 * {@link java.time.Clock}, so tests move time forward instead of sleeping.
 *
 * @param firstDelay  the wait after the first failed attempt; each further failure doubles it
 * @param maxDelay    the longest single wait
 * @param giveUpAfter after this long since the delivery was created, a failure is final
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
        }
    }

    /** The wait after the n-th failed attempt (n from 1): firstDelay * 2^(n-1), at most maxDelay. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt failed yet");
        }
        // doubling 62 times overflows a long of nanoseconds long before; stop once the ceiling is reached
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * When to try again after the n-th failed attempt, or empty when the delivery should give up: its next attempt
     * would fall after {@code createdAt + giveUpAfter}.
     */
    public Optional<OffsetDateTime> nextAttempt(int failedAttempts, OffsetDateTime createdAt, OffsetDateTime now) {
        OffsetDateTime next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
