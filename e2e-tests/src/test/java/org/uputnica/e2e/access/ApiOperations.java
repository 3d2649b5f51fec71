package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every operation the three services publish in their OpenAPI documents, read at run time, so that a new endpoint
 * cannot escape the matrix. The platform's own endpoints under /q/ (health, metrics, OpenAPI) are left out on
 * purpose: they are not the product's API and carry no agency data.
 */
final class ApiOperations {
    static final String PLATFORM_PREFIX = "/q/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation; {@code bodyRequired} when the document says it takes a request body that is required. */
    record Operation(String service, String method, String path, boolean takesBody, boolean bodyRequired) {
        String key() {
            return ApiOperations.key(service, method, path);
        }

        boolean matches(String service, String method, String concretePath) {
            return this.service.equals(service) && this.method.equals(method)
                    && Pattern.matches(path.replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+"), concretePath);
        }
    }

    final List<Operation> all;
    final List<String> skipped;

    private ApiOperations(List<Operation> all, List<String> skipped) {
        this.all = all;
        this.skipped = skipped;
    }

    static String key(String service, String method, String path) {
        return service + " " + method + " " + path;
    }

    /** {@code baseUrls}: service name (the table's service column) to its base URL. */
    static ApiOperations read(Map<String, String> baseUrls) {
        List<Operation> all = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        baseUrls.forEach((service, baseUrl) -> {
            JsonNode paths = Http.expect(200, "GET", baseUrl + "/q/openapi?format=json", null, null).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue; // path-level "parameters", "summary", ...
                    }
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    if (path.getKey().startsWith(PLATFORM_PREFIX)) {
                        skipped.add(key(service, method, path.getKey()));
                        continue;
                    }
                    JsonNode body = op.getValue().path("requestBody");
                    all.add(new Operation(service, method, path.getKey(), !body.isMissingNode(),
                            body.path("required").asBoolean(false)));
                }
            }
        });
        return new ApiOperations(all, skipped);
    }
}
