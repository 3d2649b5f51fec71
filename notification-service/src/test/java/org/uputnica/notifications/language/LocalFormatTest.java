package org.uputnica.notifications.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalFormatTest {
    static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");
    static final LocalFormat LATIN = new LocalFormat(Language.SR_LATN, BELGRADE);
    static final LocalFormat CYRILLIC = new LocalFormat(Language.SR_CYRL, BELGRADE);
    static final LocalFormat BOSNIAN = new LocalFormat(Language.BS, BELGRADE);
    static final LocalFormat ENGLISH = new LocalFormat(Language.EN, BELGRADE);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "0, dana", "1, dan", "2, dana", "4, dana", "5, dana", "10, dana", "11, dana", "12, dana", "14, dana",
            "21, dan", "22, dana", "25, dana", "101, dan", "111, dana", "112, dana", "1001, dan"})
    void serbianCountsDaysInThreeForms(long n, String expected) {
        assertEquals(n + " " + expected, LATIN.count(n, "dan", "dana", "dana"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"1, uputnica", "2, uputnice", "3, uputnice", "4, uputnice", "5, uputnica", "11, uputnica",
            "13, uputnica", "21, uputnica", "23, uputnice", "104, uputnice", "114, uputnica"})
    void theThreeFormsDifferForFeminineNouns(long n, String expected) {
        assertEquals(expected, BOSNIAN.word(n, "uputnica", "uputnice", "uputnica"));
        assertEquals(expected, LATIN.word(n, "uputnica", "uputnice", "uputnica"));
    }

    @Test
    void englishHasTwoForms() {
        assertEquals("1 day", ENGLISH.count(1, "day", "days", "days"));
        assertEquals("21 days", ENGLISH.count(21, "day", "days", "days"));
        assertEquals("2 days", ENGLISH.count(2, "day", "days", "days"));
        assertEquals("0 hours", ENGLISH.count(0, "hour", "hours", "hours"));
    }

    @Test
    void datesAreWrittenAsPeopleThereWriteThemInTheLocalZone() {
        OffsetDateTime evening = OffsetDateTime.parse("2026-11-23T13:05:00Z"); // 14:05 in Belgrade (CET)
        assertEquals("23. novembar 2026. u 14:05", LATIN.dateTime(evening));
        assertEquals("23. новембар 2026. у 14:05", CYRILLIC.dateTime(evening));
        assertEquals("23. novembar 2026. u 14:05", BOSNIAN.dateTime(evening));
        assertEquals("23 November 2026 at 14:05", ENGLISH.dateTime(evening));

        OffsetDateTime summer = OffsetDateTime.parse("2026-07-01T22:30:00Z"); // past midnight in Belgrade (CEST)
        assertEquals("2. jul 2026.", LATIN.date(summer));
        assertEquals("2. јул 2026.", CYRILLIC.date(summer));
        assertEquals("2. juli 2026.", BOSNIAN.date(summer), "Bosnian writes juli, Serbian jul");
        assertEquals("00:30", LATIN.time(summer));
        assertEquals("2. august 2026.", BOSNIAN.date(summer.plusMonths(1)));
        assertEquals("2. avgust 2026.", LATIN.date(summer.plusMonths(1)));
    }

    @Test
    void languagesAreChosenByTagAndByTheClosestLocale() {
        assertEquals(Language.SR_CYRL, Language.fromTag("sr-cyrl").orElseThrow());
        assertEquals(Language.SR_LATN, Language.closestTo("sr"));
        assertEquals(Language.SR_CYRL, Language.closestTo("sr-Cyrl-RS"));
        assertEquals(Language.BS, Language.closestTo("hr"));
        assertEquals(Language.EN, Language.closestTo("en-GB"));
        assertEquals(Language.SR_LATN, Language.closestTo(null));
        assertEquals(Language.SR_LATN, Language.closestTo("de"));
    }
}
