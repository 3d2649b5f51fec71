package org.uputnica.platform.http;

import org.uputnica.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters parsed by hand, so that a bad value is a 400 naming the parameter: JAX-RS itself answers 404
 * when it cannot convert a query parameter.
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static int intValue(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    /** {@code true} or {@code false} (any case), the fallback when absent; anything else is a 400 naming the parameter. */
    public static boolean booleanValue(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw org.uputnica.platform.problem.ProblemException.invalidField(name, "must be true or false");
    }
}
