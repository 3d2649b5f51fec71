package org.uputnica.platform.input;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates and times from outside, as RFC 3339 writes them. java.time alone also reads years of up to nine digits with
 * a sign ({@code +99999999-01-01}), which PostgreSQL cannot store or compare: such a value must be a 400, not a 500.
 */
public final class Dates {

    /** RFC 3339's full-date: a four-digit year, two-digit month and day, and a day that exists. */
    public static final DateTimeFormatter FULL_DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** A {@code YYYY-MM-DD} date; throws {@link DateTimeParseException} otherwise. */
    public static LocalDate date(String text) {
        return LocalDate.parse(text, FULL_DATE);
    }

    /** An ISO date-time with offset whose year has four digits; throws {@link DateTimeParseException} otherwise. */
    public static OffsetDateTime dateTime(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new DateTimeParseException("the year must have four digits", text, 0);
        }
        return t;
    }
}
