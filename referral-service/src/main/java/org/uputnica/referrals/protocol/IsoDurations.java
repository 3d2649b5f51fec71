package org.uputnica.referrals.protocol;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * ISO-8601 durations as protocols write them: {@code PT72H}, {@code P14D}, {@code P2W}, {@code P1DT12H}. Months
 * and years are refused because they have no fixed length, and a deadline must mean the same number of hours for
 * every referral.
 */
public final class IsoDurations {
    /** No deadline of the field's practice is longer than a year; a longer one is a typing error. */
    public static final Duration LONGEST = Duration.ofDays(365);

    private IsoDurations() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for a field error (it names no field itself)
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: an ISO-8601 duration such as PT72H or P14D");
        }
        String iso = text.strip().toUpperCase(Locale.ROOT);
        Duration duration;
        try {
            duration = Duration.parse(iso);
        } catch (DateTimeParseException notADuration) {
            duration = fromPeriod(iso);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be a positive duration");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("must not be longer than P365D");
        }
        return duration;
    }

    /** The canonical text stored and shown: what the author wrote, trimmed and upper-cased. */
    public static String canonical(String text) {
        parse(text);
        return text.strip().toUpperCase(Locale.ROOT);
    }

    // java.time.Duration does not read weeks (P2W); Period does, along with months and years, which we refuse.
    private static Duration fromPeriod(String iso) {
        Period period;
        try {
            period = Period.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO-8601 duration (for example PT72H, P14D or P2W)");
        }
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new IllegalArgumentException("must not use months or years, which have no fixed length: use days");
        }
        return Duration.ofDays(period.getDays());
    }
}
