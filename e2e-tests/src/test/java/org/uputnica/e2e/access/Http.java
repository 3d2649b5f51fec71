package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the matrix: one method, every status answered as it is (no exception for 4xx). */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String contentType, String body, String location) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** problem+json, or under /fhir its FHIR form: an OperationOutcome naming the problem type (docs/fhir.md). */
        boolean isProblem() {
            return contentType != null && (contentType.startsWith("application/problem+json") || isOutcome());
        }

        boolean isOutcome() {
            if (contentType == null || !contentType.startsWith("application/fhir+json")) {
                return false;
            }
            try {
                return "OperationOutcome".equals(json().path("resourceType").asText());
            } catch (IllegalStateException notJson) {
                return false;
            }
        }

        /** The problem type (urn:uputnica:problem:…) of a problem or OperationOutcome, else "-". */
        String problemType() {
            if (!isProblem()) {
                return "-";
            }
            try {
                if (isOutcome()) {
                    JsonNode coding = json().path("issue").path(0).path("details").path("coding").path(0);
                    return "urn:uputnica:problem".equals(coding.path("system").asText())
                            ? "urn:uputnica:problem:" + coding.path("code").asText() : "-";
                }
                return json().path("type").asText("-");
            } catch (IllegalStateException notJson) {
                return "-";
            }
        }
    }

    private Http() {
    }

    /**
     * {@code token} null sends no Authorization header; {@code body} null sends no body. A body is JSON unless
     * {@code headers} name another Content-Type (a document's raw content).
     */
    static Reply send(String method, String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, text/csv, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A call made to set something up: anything but the expected status stops the test, with the answer. */
    static JsonNode expect(int status, String method, String url, String token, String jsonBody) {
        return expect(status, method, url, token, jsonBody, Map.of());
    }

    static JsonNode expect(int status, String method, String url, String token, String body,
                           Map<String, String> headers) {
        Reply reply = send(method, url, token, body, headers);
        if (reply.status() != status) {
            throw new IllegalStateException("fixture call " + method + " " + url + " answered " + reply.status()
                    + " (expected " + status + "): " + reply.body());
        }
        return reply.body() == null || reply.body().isEmpty() ? JSON.nullNode() : reply.json();
    }
}
