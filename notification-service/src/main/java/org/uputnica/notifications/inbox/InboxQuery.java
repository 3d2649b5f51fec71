package org.uputnica.notifications.inbox;

import org.uputnica.notifications.routing.NoticeKind;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The filters and page of an inbox listing. The query parameters arrive as text and are parsed here, because a
 * parameter that JAX-RS cannot convert ends in a bare 404; here every bad one is a 400 that names it.
 *
 * @param unread     null for all items, true for unread only, false for read only
 * @param kind       null for every kind
 * @param referralId null for every referral
 */
public record InboxQuery(Boolean unread, NoticeKind kind, UUID referralId, int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Parses the raw parameters (null when absent); all invalid ones are reported together. */
    public static InboxQuery parse(String unread, String kind, String referralId, String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Boolean parsedUnread = parseBoolean(unread, errors);
        NoticeKind parsedKind = parseKind(kind, errors);
        UUID parsedReferral = parseUuid(referralId, errors);
        int parsedPage = parseInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int parsedSize = parseInt("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (errors.isEmpty() && (long) parsedPage * parsedSize > Integer.MAX_VALUE) {
            errors.add(new Problem.FieldError("page", "is beyond the last possible page"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
        }
        return new InboxQuery(parsedUnread, parsedKind, parsedReferral, parsedPage, parsedSize);
    }

    private static Boolean parseBoolean(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(new Problem.FieldError("unread", "must be true or false"));
        return null;
    }

    private static NoticeKind parseKind(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return NoticeKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("kind", "must be one of " + Arrays.toString(NoticeKind.values())));
            return null;
        }
    }

    private static UUID parseUuid(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts short forms such as 1-2-3-4-5; only the canonical form is an id here
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new Problem.FieldError("referralId", "is not a valid UUID"));
        return null;
    }

    private static int parseInt(String field, String value, int absent, int min, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(field, max == Integer.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
