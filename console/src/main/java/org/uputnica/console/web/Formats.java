package org.uputnica.console.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and durations in the page's language (the template's locale attribute). */
@TemplateExtension
public final class Formats {
    static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

    private Formats() {
    }

    static String when(OffsetDateTime t, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (t == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale(locale))
                .format(t.atZoneSameInstant(ZONE));
    }

    static String day(LocalDate d, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale)).format(d);
    }

    /** Hours left until {@code t} (negative when past), rounded down: the pages say "in 5 h" or "5 h late". */
    static long hoursLeft(OffsetDateTime t) {
        return t == null ? 0 : Duration.between(OffsetDateTime.now(), t).toHours();
    }

    static long hoursLate(OffsetDateTime t) {
        return Math.max(0, -hoursLeft(t));
    }

    /** A message key made of a prefix and a code: {@code r.status.as('status_')} is status_ACCEPTED. */
    static String as(String code, String prefix) {
        return prefix + code;
    }

    static String hours(Double h) {
        return h == null ? "–" : String.format(Locale.ROOT, "%.1f", h);
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Lang.SR_LATN.locale();
    }
}
