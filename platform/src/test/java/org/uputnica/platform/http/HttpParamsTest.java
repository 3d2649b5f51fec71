package org.uputnica.platform.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uputnica.platform.problem.ProblemException;

import java.time.DayOfWeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpParamsTest {

    @ParameterizedTest
    @CsvSource({"'\"3\"', 3", "'W/\"7\"', 7", "12, 12"})
    void ifMatchCarriesTheVersion(String header, long version) {
        assertEquals(version, IfMatch.version(header));
    }

    @Test
    void noIfMatchOrAStarMeansNoCondition() {
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version(" "));
        assertNull(IfMatch.version("*"));
    }

    @Test
    void aForeignETagIsA400() {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.version("\"abc\""));
        assertEquals(400, e.status());
    }

    @Test
    void queryParametersAreParsedOrNamedInA400() {
        assertEquals(DayOfWeek.MONDAY, QueryParams.enumValue("day", "monday", DayOfWeek.class, null));
        assertEquals(DayOfWeek.FRIDAY, QueryParams.enumValue("day", null, DayOfWeek.class, DayOfWeek.FRIDAY));
        assertThrows(ProblemException.class, () -> QueryParams.enumValue("day", "someday", DayOfWeek.class, null));
        assertEquals(5, QueryParams.intValue("size", "5", 50, 1, 200));
        assertEquals(50, QueryParams.intValue("size", "", 50, 1, 200));
        assertThrows(ProblemException.class, () -> QueryParams.intValue("size", "500", 50, 1, 200));
        assertThrows(ProblemException.class, () -> QueryParams.intValue("size", "x", 50, 1, 200));
    }
}
