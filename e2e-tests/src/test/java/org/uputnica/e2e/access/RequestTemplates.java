package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the matrix sends besides the path: requests.json names, per "METHOD path", a body (JSON, or "rawBody": a
 * string sent as it is, with the Content-Type its headers name) and headers, with placeholders such as ${case} that
 * the situation's fixture fills in. The bodies are valid, so that an allowed call
 * is never refused for its input before the access check; and they are chosen so that an allowed call changes
 * nothing that a later call depends on (a stale If-Match answers 412 after the access check, a referral without a
 * sharing basis 409). A table row's variant ({@code POST /api/v1/referrals#transfer}) has an entry of its own under
 * that name, with the whole request (nothing is taken from the operation's plain entry).
 */
final class RequestTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    record Request(String body, Map<String, String> headers) {
    }

    private final JsonNode templates;

    private RequestTemplates(JsonNode templates) {
        this.templates = templates;
    }

    static RequestTemplates load(String resourcePath) {
        try (InputStream in = RequestTemplates.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalStateException(resourcePath + " is missing");
            }
            return new RequestTemplates(Http.JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resourcePath, e);
        }
    }

    boolean hasBody(String method, String path) {
        JsonNode template = templates.path(method + " " + path);
        return template.has("body") || template.has("rawBody");
    }

    boolean has(String method, String path) {
        return templates.has(method + " " + path);
    }

    Iterator<String> keys() {
        return templates.fieldNames();
    }

    /**
     * The request of a row: "METHOD path#variant" for a variant (a body of its own, e.g. a transfer), else the
     * operation's "METHOD path".
     */
    Request request(String method, String path, String variant, Map<String, String> values) {
        String key = method + " " + path + (variant == null ? "" : "#" + variant);
        if (variant != null && !templates.has(key)) {
            throw new IllegalStateException("requests.json has no " + key);
        }
        JsonNode template = templates.path(key);
        String body = template.has("body") ? fill(template.get("body").toString(), values)
                : template.has("rawBody") ? fill(template.get("rawBody").asText(), values) : null;
        Map<String, String> headers = new LinkedHashMap<>();
        template.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), fill(h.getValue().asText(), values)));
        return new Request(body, headers);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + m.group(1) + "} in " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
