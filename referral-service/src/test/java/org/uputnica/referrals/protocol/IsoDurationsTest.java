package org.uputnica.referrals.protocol;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoDurationsTest {

    @Test
    void readsHoursDaysWeeksAndMixedDurations() {
        assertEquals(Duration.ofHours(72), IsoDurations.parse("PT72H"));
        assertEquals(Duration.ofDays(14), IsoDurations.parse("P14D"));
        assertEquals(Duration.ofDays(14), IsoDurations.parse("P2W"));
        assertEquals(Duration.ofHours(36), IsoDurations.parse(" p1dt12h "));
        assertEquals(Duration.ofMinutes(90), IsoDurations.parse("PT1H30M"));
        assertEquals(Duration.ofDays(365), IsoDurations.parse("P365D"));
        assertEquals("PT1H30M", IsoDurations.canonical(" pt1h30m"));
    }

    @Test
    void refusesWhatIsNotAFixedPositiveDurationOfAtMostAYear() {
        assertTrue(message("72 hours").contains("ISO-8601"));
        assertTrue(message("").contains("required"));
        assertTrue(message(null).contains("required"));
        assertTrue(message("P1M").contains("months"));
        assertTrue(message("P1Y").contains("months or years"));
        assertTrue(message("-PT1H").contains("positive"));
        assertTrue(message("PT0S").contains("positive"));
        assertTrue(message("P366D").contains("P365D"));
        assertTrue(message("P1DT").contains("ISO-8601"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> IsoDurations.parse(text)).getMessage();
    }
}
