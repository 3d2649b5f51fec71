package org.uputnica.cases.person;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/**
 * Names across scripts. Serbian is written in Cyrillic and Latin alike, Bosnian mostly in Latin, and a migrant
 * child's name may be written down from Arabic, Persian or Pashto in several spellings. ICU4J does the
 * transliteration; only Serbian Latin to Cyrillic is ruled here, because ICU's Latin-to-Serbian transform
 * spells the digraphs (lj, nj, dž) letter by letter and j as й.
 */
public final class Names {
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Serbian-Latin/BGN; NFC");
    /** Serbian Latin to Cyrillic, letter by letter with the digraphs first (ICU's own transform spells j as й). */
    private static final Transliterator TO_CYRILLIC = Transliterator.createFromRules("Latin-SerbianCyrillic", """
            ::NFC;
            Lj > Љ; LJ > Љ; lj > љ; Nj > Њ; NJ > Њ; nj > њ; Dž > Џ; DŽ > Џ; dž > џ; A >
            А; B > Б; V > В; G > Г; D > Д; Đ > Ђ; E > Е; Ž > Ж; Z > З; I > И; J > Ј; K > К; L > Л; M > М; N > Н;
            O > О; P > П; R > Р; S > С; T > Т; Ć > Ћ; U > У; F > Ф; H > Х; C > Ц; Č > Ч; Š > Ш; a > а; b > б; v
            > в; g > г; d > д; đ > ђ; e > е; ž > ж; z > з; i > и; j > ј; k > к; l > л; m > м; n > н; o > о; p >
            п; r > р; s > с; t > т; ć > ћ; u > у; f > ф; h > х; c > ц; č > ч; š > ш;
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
