package org.uputnica.notifications.feed;

import org.uputnica.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the event feed: after the event at {@code position}. Opaque to clients (base64url of a versioned
 * text), so that its form may change without breaking a client that only stores and returns it. Positions are the
 * feed's own order ({@code feed_event.seq}) and are the same for every agency: a cursor does not say whose it is,
 * and an agency reading with another agency's cursor only sees its own events after that point.
 */
public record FeedCursor(long position) {
    /** Before the first event. */
    public static final FeedCursor START = new FeedCursor(0);
    private static final String PREFIX = "f1:";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor this feed gave out; anything else is a 400 validation problem naming {@code field}. */
    public static FeedCursor decode(String field, String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            if (plain.startsWith(PREFIX)) {
                long position = Long.parseLong(plain.substring(PREFIX.length()));
                if (position >= 0) {
                    return new FeedCursor(position);
                }
            }
        } catch (IllegalArgumentException e) { // not base64url, or not a number (NumberFormatException is one)
            // falls through to the one answer for every bad cursor
        }
        throw ProblemException.invalidField(field, "is not a cursor of this feed (use the 'next' of an earlier page)");
    }
}
