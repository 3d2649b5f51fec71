package org.uputnica.platform.input;

/**
 * The one rule every service applies to text from outside (JSON strings, path segments, query parameters): no NUL
 * character, and no half of a surrogate pair. PostgreSQL cannot store a NUL in text (the insert fails, which was a
 * 500), and the JDBC driver silently turns a lone surrogate into "?", which would corrupt a name. Everything else
 * in Unicode is accepted: names and notes come in Cyrillic, Latin, Arabic and more, with combining marks and
 * direction marks.
 */
public final class Text {
    public static final String RULE = "must not contain a NUL character or half of a surrogate pair";

    private Text() {
    }

    public static boolean isAcceptable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
