package org.uputnica.referrals.directory;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class HsdsRecordsTest {

    static OpeningHoursEntry hours(DayOfWeek day, String opens, String closes) {
        return new OpeningHoursEntry(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    @Test
    void openingHoursBecomeOneWeeklyRulePerTimeSpanWithItsDaysInWeekOrder() {
        Map<String, List<DayOfWeek>> rules = HsdsRecords.weeklyRules(List.of(
                hours(DayOfWeek.WEDNESDAY, "09:00", "17:00"),
                hours(DayOfWeek.MONDAY, "09:00", "17:00"),
                hours(DayOfWeek.SATURDAY, "10:00", "13:00"),
                hours(DayOfWeek.MONDAY, "18:00", "20:00")));
        Map<String, List<DayOfWeek>> expected = new LinkedHashMap<>();
        expected.put("09:00-17:00", List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        expected.put("18:00-20:00", List.of(DayOfWeek.MONDAY));
        expected.put("10:00-13:00", List.of(DayOfWeek.SATURDAY));
        assertEquals(expected, rules);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(rules.keySet()));
    }

    @Test
    void idsAreStableNameBasedUuids() {
        assertEquals(HsdsRecords.organizationId("kirs"), HsdsRecords.organizationId("kirs"));
        assertNotEquals(HsdsRecords.organizationId("kirs"), HsdsRecords.organizationId("otaharin"));
        assertEquals(3, HsdsRecords.id("schedule", "x").version());
    }
}
