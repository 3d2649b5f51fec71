package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's operations as its running instance describes them at {@code /q/openapi?format=json}, so that a new
 * endpoint is fuzzed without editing the test. Plain Jackson on the JSON rather than an OpenAPI parser: the services
 * publish OpenAPI 3.1, whose schemas are JSON Schema 2020-12 (for example {@code type} may be a list), and the fuzzer
 * walks those schemas as JSON anyway; swagger-parser's 3.1 model is partial and would add some twenty jars to an
 * offline build. The only thing a parser would add here, resolving {@code $ref}, is {@link #resolve}.
 */
final class ApiDescription {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    final String service;
    final String baseUrl;
    private final JsonNode document;
    final List<Operation> operations = new ArrayList<>();
    /** Every path template with the methods it has, for the method-not-allowed category. */
    final Map<String, Set<String>> methodsByPath = new java.util.TreeMap<>();

    private ApiDescription(String service, String baseUrl, JsonNode document) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.document = document;
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase(Locale.ROOT);
                methodsByPath.computeIfAbsent(path.getKey(), k -> new LinkedHashSet<>()).add(method);
                operations.add(operation(method, path.getKey(), shared, op.getValue()));
            }
        }
        operations.sort(Comparator.comparing((Operation o) -> o.path).thenComparing(o -> o.method));
    }

    static ApiDescription read(String service, String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " answered " + response.statusCode() + " for its OpenAPI");
            }
            return new ApiDescription(service, baseUrl, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI of " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A schema with its {@code $ref} followed; keywords beside the {@code $ref} (allowed in 3.1) win. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling reference " + ref + " in the OpenAPI of " + service);
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            current.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current == null ? JSON.createObjectNode() : current;
    }

    private Operation operation(String method, String path, List<JsonNode> shared, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>(shared);
        all.addAll(list(op.path("parameters")));
        for (JsonNode p : all) {
            JsonNode param = resolve(p);
            parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                    param.path("required").asBoolean(false), resolve(param.path("schema")),
                    param.has("example") ? param.get("example") : param.path("schema").path("example")));
        }
        Body body = null;
        JsonNode requestBody = op.path("requestBody");
        if (!requestBody.isMissingNode()) {
            requestBody = resolve(requestBody);
            Set<String> mediaTypes = new LinkedHashSet<>();
            JsonNode schema = null;
            JsonNode example = null;
            Iterator<Map.Entry<String, JsonNode>> content = requestBody.path("content").fields();
            while (content.hasNext()) {
                Map.Entry<String, JsonNode> c = content.next();
                mediaTypes.add(c.getKey());
                if (schema == null && c.getValue().has("schema")) {
                    schema = resolve(c.getValue().get("schema"));
                }
                if (example == null) {
                    example = exampleOf(c.getValue());
                }
            }
            if (example == null && schema != null) {
                example = exampleOf(schema);
            }
            body = new Body(requestBody.path("required").asBoolean(false), mediaTypes, schema, example);
        }
        Set<String> produces = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> r = responses.next();
            if (r.getKey().startsWith("2")) {
                r.getValue().path("content").fieldNames().forEachRemaining(produces::add);
            }
        }
        return new Operation(this, method, path, parameters, body, produces);
    }

    private static JsonNode exampleOf(JsonNode node) {
        if (node.has("example")) {
            return node.get("example");
        }
        if (node.path("examples").isObject() && node.path("examples").size() > 0) {
            return node.path("examples").elements().next().path("value");
        }
        if (node.path("examples").isArray() && node.path("examples").size() > 0) {
            return node.path("examples").get(0);
        }
        return null;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    /** A request body: whether it is required, its media types, its resolved schema and an example if given. */
    record Body(boolean required, Set<String> mediaTypes, JsonNode schema, JsonNode example) {
        boolean jsonOnly() {
            return !mediaTypes.isEmpty() && mediaTypes.stream().allMatch(m -> m.startsWith("application/json"));
        }

        /** JSON in one of its media types (application/json, application/merge-patch+json); not a raw upload of any type. */
        boolean parsedAsJson() {
            return mediaTypes.stream().anyMatch(m -> m.startsWith("application/json") || m.matches("application/[^;]*\\+json.*"));
        }
    }

    /** One operation of one service. */
    static final class Operation {
        final ApiDescription api;
        final String method;
        final String path;
        final List<Parameter> parameters;
        final Body body;
        /** Media types of its 2xx answers; empty when they carry no body (204). */
        final Set<String> produces;

        Operation(ApiDescription api, String method, String path, List<Parameter> parameters, Body body, Set<String> produces) {
            this.api = api;
            this.method = method;
            this.path = path;
            this.parameters = List.copyOf(parameters);
            this.body = body;
            this.produces = Set.copyOf(produces);
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        /** A body the framework parses as JSON before the operation runs (a raw upload of any type is not one). */
        boolean hasJsonBody() {
            return body != null && body.schema() != null && body.parsedAsJson();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
