package org.uputnica.console.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The console's languages; the first is the default. The choice is remembered in a cookie. */
public enum Lang {
    SR_LATN("sr-Latn", "Srpski (latinica)"),
    SR_CYRL("sr-Cyrl", "Српски (ћирилица)"),
    BS("bs", "Bosanski"),
    EN("en", "English");

    public static final String COOKIE = "console-lang";

    public final String tag;
    public final String label;

    Lang(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Lang> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }
}
