package org.uputnica.platform.http;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name that cannot break the header (RFC 6266): an ASCII
 * {@code filename} with anything else replaced, and the exact name as UTF-8 in {@code filename*} (RFC 8187).
 */
public final class ContentDisposition {
    private static final String ATTR_CHARS = "!#$&+-.^_`|~"; // RFC 8187 attr-char besides letters and digits

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encoded(name);
    }

    /** Printable ASCII without quotes, backslashes, semicolons or path separators; others become '_'. */
    static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '/' && c != '%';
            sb.append(plain ? c : '_');
        }
        return sb.toString();
    }

    static String encoded(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
