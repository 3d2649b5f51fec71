package org.uputnica.notifications.language;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Dates, times and counted words as people in Serbia and Bosnia and Herzegovina write them, for templates
 * ({@code {fmt.date(time)}}, {@code {fmt.count(3, 'dan', 'dana', 'dana')}}).
 * <p>
 * Month names are spelled out here rather than taken from the JDK's locale data, which differs between JDK versions
 * and has no Bosnian forms; a date in Serbian ends with a full stop after the year ("23. novembar 2026.").
 */
@TemplateData
public final class LocalFormat {
    private static final Map<Language, List<String>> MONTHS = Map.of(
            Language.SR_LATN, List.of("januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust",
                    "septembar", "oktobar", "novembar", "decembar"),
            Language.SR_CYRL, List.of("јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август",
                    "септембар", "октобар", "новембар", "децембар"),
            Language.BS, List.of("januar", "februar", "mart", "april", "maj", "juni", "juli", "august",
                    "septembar", "oktobar", "novembar", "decembar"),
            Language.EN, List.of("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Language language;
    private final ZoneId zone;

    public LocalFormat(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
    }

    public Language language() {
        return language;
    }

    /** "23. novembar 2026.", "23. новембар 2026.", "23 November 2026", of an instant or a day. */
    public String date(TemporalAccessor when) {
        ZonedDateTime at = local(when);
        String month = MONTHS.get(language).get(at.getMonthValue() - 1);
        if (language == Language.EN) {
            return at.getDayOfMonth() + " " + month + " " + at.getYear();
        }
        return at.getDayOfMonth() + ". " + month + " " + at.getYear() + ".";
    }

    /** "14:05", on the 24-hour clock everywhere, in the service's time zone. */
    public String time(TemporalAccessor when) {
        return CLOCK.format(local(when));
    }

    /** "23. novembar 2026. u 14:05", "23. новембар 2026. у 14:05", "23 November 2026 at 14:05". */
    public String dateTime(TemporalAccessor when) {
        String at = switch (language) {
            case SR_CYRL -> " у ";
            case EN -> " at ";
            default -> " u ";
        };
        return date(when) + at + time(when);
    }

    /** The word for n in this language's plural category: {@code word(3, "dan", "dana", "dana")} is "dana". */
    public String word(long n, String one, String few, String other) {
        return Plural.of(language, n).choose(one, few, other);
    }

    /** n with its word: "1 dan", "3 dana", "21 dan", "3 days". */
    public String count(long n, String one, String few, String other) {
        return n + " " + word(n, one, few, other);
    }

    /** A day is taken as it is; an instant is seen from the service's zone. */
    private ZonedDateTime local(TemporalAccessor when) {
        if (when instanceof LocalDate day) {
            return day.atStartOfDay(zone);
        }
        return ZonedDateTime.from(when).withZoneSameInstant(zone);
    }
}
