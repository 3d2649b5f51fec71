package org.uputnica.notifications.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages people read notices in, by their BCP 47 tags (the realm's locales, the {@code locale} claim).
 * Serbian is written in both scripts, so script is part of the language here; Bosnian differs from Serbian Latin in
 * words (juni, august) rather than grammar.
 */
public enum Language {
    SR_LATN("sr-Latn"),
    SR_CYRL("sr-Cyrl"),
    BS("bs"),
    EN("en");

    /** Serbian Latin is what most agencies in the pilot write. */
    public static final Language DEFAULT = SR_LATN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }

    /** The language of a tag, case-insensitively ({@code sr-latn} is {@code sr-Latn}); empty for any other tag. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.trim())).findFirst();
    }

    /**
     * The closest language for a locale someone's browser or token names: plain {@code sr} is read as Latin, and
     * Croatian and Montenegrin readers get the Bosnian texts, which they read without effort.
     */
    public static Language closestTo(String localeTag) {
        Optional<Language> exact = fromTag(localeTag);
        if (exact.isPresent() || localeTag == null || localeTag.isBlank()) {
            return exact.orElse(DEFAULT);
        }
        Locale locale = Locale.forLanguageTag(localeTag.trim().replace('_', '-'));
        return switch (locale.getLanguage()) {
            case "sr" -> "Cyrl".equalsIgnoreCase(locale.getScript()) ? SR_CYRL : SR_LATN;
            case "bs", "hr", "cnr" -> BS;
            case "en" -> EN;
            default -> DEFAULT;
        };
    }
}
