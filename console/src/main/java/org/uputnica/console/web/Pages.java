package org.uputnica.console.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Small helpers every page uses. */
public final class Pages {
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Belgrade");

    private Pages() {
    }

    /** After a form POST: see the result with a GET (Post/Redirect/Get), so a reload does not repeat the action. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public static TemplateInstance localised(TemplateInstance page, ConsoleSession session) {
        return page.setLocale(session.locale());
    }

    /** The answer of a REST client call started with its async variant, or the exception the blocking call throws. */
    public static <T> T join(java.util.concurrent.CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code value} when it is one of {@code allowed}, else null (List.of(...).contains(null) would throw). */
    public static String oneOf(java.util.List<String> allowed, String value) {
        return value != null && allowed.contains(value) ? value : null;
    }

    /** A YYYY-MM-DD date of four-digit year; throws DateTimeParseException otherwise. */
    public static java.time.LocalDate date(String text) {
        java.time.LocalDate d = java.time.LocalDate.parse(text);
        if (d.getYear() < 1900 || d.getYear() > 9999) {
            throw new java.time.format.DateTimeParseException("year out of range", text, 0);
        }
        return d;
    }

    public static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
