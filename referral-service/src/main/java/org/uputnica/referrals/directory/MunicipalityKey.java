package org.uputnica.referrals.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a municipality name to the key the search matches on, so that "Šid", "sid", "SID" and "Шид" are one place:
 * Serbian Cyrillic to Latin, lower case, diacritics removed ("đ" to "d"), inner whitespace collapsed.
 */
public final class MunicipalityKey {
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('ђ', "d"), Map.entry('е', "e"), Map.entry('ж', "z"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('ј', "j"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('љ', "lj"), Map.entry('м', "m"),
            Map.entry('н', "n"), Map.entry('њ', "nj"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ћ', "c"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "h"), Map.entry('ц', "c"), Map.entry('ч', "c"), Map.entry('џ', "dz"), Map.entry('ш', "s"));

    private MunicipalityKey() {
    }

    public static String of(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.get(c);
            latin.append(mapped != null ? mapped : c == 'đ' ? "d" : String.valueOf(c));
        }
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replaceAll("\\s+", " ");
    }
}
