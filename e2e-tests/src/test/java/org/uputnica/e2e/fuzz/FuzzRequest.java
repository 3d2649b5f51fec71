package org.uputnica.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One hostile request and what it must get: always a 4xx problem+json, and for most categories a narrower set of
 * statuses. {@code target} is the path with its (already encoded) query.
 */
final class FuzzRequest {
    final int index;
    final Category category;
    final String service;
    final String baseUrl;
    final String method;
    final String target;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    /** A whole HTTP/1.1 request written as it is to a socket, for what the HTTP client refuses to send. */
    byte[] raw;
    /** What was done to it, for the report and for replaying by hand. */
    String description;
    /** The demo user whose token it carries, if any. */
    String user;
    /** The operation it was derived from (METHOD PATH-TEMPLATE), for the summary. */
    final String operation;
    Set<Integer> expectedStatuses;
    /** Problem types the answer may have (empty: any). */
    Set<String> expectedTypes = Set.of();
    /** A query parameter the problem must name in its errors. */
    String expectedField;
    /** Why this request may be answered without a problem body (refused before any application code), or null. */
    String bareAnswerAllowed;
    /** Text that must never appear in the answer (another agency's data). */
    Set<String> mustNotLeak = Set.of();

    FuzzRequest(int index, Category category, ApiDescription.Operation op, String method, String target, String description) {
        this.index = index;
        this.category = category;
        this.service = op.api.service;
        this.baseUrl = op.api.baseUrl;
        this.method = method;
        this.target = target;
        this.description = description;
        this.operation = op.toString();
    }

    FuzzRequest(int index, Category category, String service, String baseUrl, String method, String target, String description) {
        this.index = index;
        this.category = category;
        this.service = service;
        this.baseUrl = baseUrl;
        this.method = method;
        this.target = target;
        this.description = description;
        this.operation = method + " " + target;
    }

    FuzzRequest header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    FuzzRequest body(String text) {
        this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    FuzzRequest expect(Integer... statuses) {
        this.expectedStatuses = Set.of(statuses);
        return this;
    }

    /** A shell line that sends the same request (bodies cut at 300 characters). */
    String replay() {
        StringBuilder sb = new StringBuilder("curl -i -X ").append(method).append(" '").append(baseUrl).append(target).append('\'');
        headers.forEach((k, v) -> sb.append(" -H '").append(k).append(": ")
                .append(v.length() > 60 ? v.substring(0, 60) + "...(" + v.length() + " chars)" : v).append('\''));
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            sb.append(" --data-binary '").append(text.length() > 300 ? text.substring(0, 300) + "...(" + body.length + " bytes)" : text)
                    .append('\'');
        }
        return sb.toString();
    }

    enum Category {
        /** Invalid, forged, expired, wrong-audience tokens and none at all; a real token without an agency. */
        TOKEN,
        /** The JSON body against its schema: wrong types, missing and null required fields, values out of bounds. */
        BODY,
        /** Unicode where it cannot be valid: NUL, lone surrogates, look-alike enum values, too long in any script. */
        UNICODE,
        /** Bodies that are not JSON or not the JSON shape at all. */
        MALFORMED,
        /** Query parameters with values their schema excludes. */
        QUERY,
        /** Path parameters: ids that are not UUIDs, that do not exist, hostile names. */
        PATH,
        /** Real ids of one agency's case, referrals, inbox item and mailbox, used with another agency's token. */
        FOREIGN,
        /** Content-Type and Accept the operation does not support. */
        HEADER,
        /** Methods a path does not have. */
        METHOD,
        /** What the HTTP server refuses before the application: too long, too large, broken encoding. */
        LIMITS,
        /** Requests that find out which demo users pass an operation's role check (themselves invalid). */
        PROBE
    }
}
