package org.uputnica.cases.person;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/**
 * Names across scripts. Serbian is written in Cyrillic and Latin alike, Bosnian mostly in Latin, and a migrant
 * child's name may be written down from Arabic, Persian or Pashto in several spellings. ICU4J does the
 * transliteration; only the Serbian Latin digraphs (lj, nj, dž), which ICU's Latin-to-Serbian transform spells
 * letter by letter, are ruled here.
 */
public final class Names {
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Serbian-Latin/BGN");
    private static final Transliterator TO_CYRILLIC = Transliterator.createFromRules("Latin-SerbianCyrillic", """
            Lj > Љ; LJ > Љ; lj > љ; Nj > Њ; NJ > Њ; nj > њ; Dž > Џ; DŽ > Џ; dž > џ;
            Dj > Ђ; DJ > Ђ; dj > ђ;
            ::sr_Latn-sr;
            """, Transliterator.FORWARD);
    /** Serbian Latin first (so Љ is lj, not l̂), then any other script, then plain ASCII; đ keeps its common dj. */
    private static final Transliterator TO_KEY = Transliterator.createFromRules("UputnicaNameKey", """
            ::Serbian-Latin/BGN;
            ::Any-Latin;
            Đ > Dj; đ > dj;
            ::Latin-ASCII;
            ::Lower;
            """, Transliterator.FORWARD);

    private Names() {
    }

    /** The name in Serbian Latin script (a Latin or other-script name is returned as is). */
    public static String latin(String name) {
        return name == null ? null : TO_LATIN.transliterate(name);
    }

    /** The name in Serbian Cyrillic script (from Serbian Latin or Cyrillic). */
    public static String cyrillic(String name) {
        return name == null ? null : TO_CYRILLIC.transliterate(TO_LATIN.transliterate(name));
    }

    /** Lower-case ASCII letters and single spaces: the same for "Ђорђе", "Đorđe" and "Djordje". */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String ascii = TO_KEY.transliterate(name.strip());
        return ascii.replaceAll("[^a-z ]", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
