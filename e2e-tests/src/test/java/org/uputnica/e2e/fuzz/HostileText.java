package org.uputnica.e2e.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Text that breaks naive code: the scripts our users write in (Serbian Cyrillic and Latin, Bosnian), right-to-left
 * scripts with bidirectional controls, combining marks, emoji sequences, look-alike letters, invisible and
 * unusual code points, and the usual injection probes.
 *
 * <p>Two things JSON can carry but a Java string cannot be written out of Jackson with: an unpaired surrogate is
 * kept here as a marker, and {@link #toJsonEscapes} turns it into the JSON escape after serialisation.
 */
final class HostileText {
    /** Stands for an unpaired high surrogate (JSON {@code \ud800}); replaced after serialisation. */
    static final String LONE_HIGH_SURROGATE = "\uE000lone-high\uE000";
    /** Stands for an unpaired low surrogate (JSON {@code \udc00}). */
    static final String LONE_LOW_SURROGATE = "\uE000lone-low\uE000";

    /** Printable text that a valid field may well hold: names and notes in the scripts of the region and others. */
    static final List<String> PLAUSIBLE = List.of(
            "Ђорђе Јовановић", "Đorđe Jovanović", "Šćepan Žić", "Љиљана Његош", "Џенана Ћосић",
            "مرحبا بالعالم", "שלום עולם", "\u202Bمرحبا Ana\u202C", "abc\u202Edcba", "\u200F\u200Eana\u200F",
            "Zalgo Z\u0337\u0322a\u0338l\u0334g\u0335o\u0336", "e\u0301\u0301\u0301", "\u0915\u094D\u200D\u0937",
            "👨\u200D👩\u200D👧\u200D👦", "🇷🇸🇧🇦", "🏳\uFE0F\u200D🌈", "\uD83D\uDE00\uD83D\uDE00",
            "ＡＮＡ　ＣＳＲ", "\uFEFFbom", "zero\u200Bwidth\u200Cjoin\u200D", "\u00A0\u2007\u202F\u3000x",
            "line\u2028separator\u2029para", "tab\there", "crlf\r\ninjected: header", "\u0085next line",
            "\uFFFD\uFFFC", "\uFFFF\uFFFE", "\uDB80\uDC00 private plane 15",
            "' OR '1'='1", "\"; drop table referral; --", "%_\\%", "${jndi:ldap://example.org/a}", "{{7*7}}",
            "<script>alert(1)</script>", "../../etc/passwd", "%00%2e%2e%2f", "\\u0000", "null", "undefined",
            "NaN", "-0", "1e309", "İstanbul ıi ǅ ß ﬀ", "ᏎᏍᎩ Cherokee", "𝔘𝔭𝔲𝔱𝔫𝔦𝔠𝔞");

    /** Text no field may hold once the platform checks it: a NUL, or a half of a surrogate pair. */
    static final List<String> NEVER_VALID = List.of(
            "a\u0000b", "\u0000", "Ана\u0000", "x" + LONE_HIGH_SURROGATE, LONE_LOW_SURROGATE + "y",
            LONE_HIGH_SURROGATE + LONE_HIGH_SURROGATE, "Đ" + LONE_LOW_SURROGATE + LONE_HIGH_SURROGATE);

    /** Look-alikes of an enum constant that must not be taken for it. */
    static List<String> lookAlikes(String constant) {
        return List.of(
                constant.replace('E', 'Е').replace('A', 'А').replace('O', 'О'), // Cyrillic Е, А, О
                constant + "\u200B", // zero-width space
                "\u202E" + constant, // right-to-left override
                toFullWidth(constant),
                constant + constant,
                constant.replace('_', '-') + "-X",
                "X" + constant.substring(Math.min(1, constant.length())),
                "ЦИРИЛИЦА",
                "سلام");
    }

    static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    /** A string of {@code length} code points from one of several scripts. */
    static String longText(int length, Random random) {
        String[] units = {"a", "ж", "ش", "😀", "e\u0301", "Ђ"};
        String unit = units[random.nextInt(units.length)];
        StringBuilder sb = new StringBuilder(length * unit.length());
        int codePoints = unit.codePointCount(0, unit.length());
        for (int i = 0; i * codePoints < length; i++) {
            sb.append(unit);
        }
        return sb.toString();
    }

    static String toFullWidth(String ascii) {
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
        }
        return sb.toString();
    }

    /** Serialised JSON with the surrogate markers turned into the escapes they stand for. */
    static String toJsonEscapes(String json) {
        return json.replace(LONE_HIGH_SURROGATE, "\\ud800").replace(LONE_LOW_SURROGATE, "\\udc00");
    }

    /**
     * Percent-encoding of a path segment or query value: every byte but the unreserved characters, so any text can
     * travel. The surrogate markers become the (invalid) UTF-8 bytes a lone surrogate would have.
     */
    static String urlEncode(String value) {
        StringBuilder sb = new StringBuilder();
        String rest = value;
        while (!rest.isEmpty()) {
            if (rest.startsWith(LONE_HIGH_SURROGATE)) {
                sb.append("%ED%A0%80");
                rest = rest.substring(LONE_HIGH_SURROGATE.length());
            } else if (rest.startsWith(LONE_LOW_SURROGATE)) {
                sb.append("%ED%B0%80");
                rest = rest.substring(LONE_LOW_SURROGATE.length());
            } else {
                int cp = rest.codePointAt(0);
                String ch = new String(Character.toChars(cp));
                for (byte b : ch.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    int c = b & 0xff;
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                            || c == '_' || c == '~') {
                        sb.append((char) c);
                    } else {
                        sb.append('%').append(String.format("%02X", c));
                    }
                }
                rest = rest.substring(ch.length());
            }
        }
        return sb.toString();
    }
}
