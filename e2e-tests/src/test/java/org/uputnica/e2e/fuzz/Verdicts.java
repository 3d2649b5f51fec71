package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every answer to a hostile request must be: a 4xx (never a 2xx, 3xx or 5xx), of the statuses its category
 * expects, as an RFC 9457 problem with a stable type, without a stack trace, a library's message or another
 * agency's data, and not echoing a huge input back.
 */
final class Verdicts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "org.hibernate", "org.postgresql", "SQLState",
            "java.lang", "jakarta.", "io.quarkus", "io.vertx", "com.fasterxml", "SELECT ", "select ");

    /**
     * Why some answers of the HTTP server come without a problem body: they are given before any application code
     * runs, where Quarkus 3.34 offers no hook. Only requests that name one of these reasons may be answered so.
     */
    static final String VERTX_CODEC = "refused by the Vert.x HTTP codec (request line over 4 KB: 414, headers over 20 KB: "
            + "431, a request it cannot parse: 400); Quarkus does not expose Vert.x's invalidRequestHandler (quarkus#55082)";
    static final String QUARKUS_URI_CHECK = "refused by Quarkus before routing when java.net.URI cannot parse the URI "
            + "(VertxHttpRecorder.uriValid), with a bare 400";

    private Verdicts() {
    }

    /** The violations of one answer; empty when it is as it must be. */
    static List<String> judge(FuzzRequest r, Sender.Answer a) {
        List<String> v = new ArrayList<>();
        if (a.error() != null) {
            v.add("no answer: " + a.error());
            return v;
        }
        int status = a.status();
        if (status >= 500) {
            v.add("server error " + status);
        } else if (status < 400) {
            v.add("accepted with " + status + " although invalid");
        }
        if (r.expectedStatuses != null && !r.expectedStatuses.contains(status)) {
            v.add("status " + status + ", expected one of " + r.expectedStatuses);
        }
        if (a.body() != null && a.body().length > MAX_ANSWER_BYTES) {
            v.add("answer of " + a.body().length + " bytes");
        }
        String text = a.text();
        for (String secret : r.mustNotLeak) {
            if (text.contains(secret)) {
                v.add("leaks another agency's data: " + secret);
            }
        }
        if (r.bareAnswerAllowed != null && r.expectedStatuses.contains(status) && (a.body() == null || a.body().length == 0)) {
            return v;
        }
        // the FHIR facade answers OperationOutcomes (docs/fhir.md); a method or an Accept the HTTP layer refuses
        // before any resource is chosen (405, 406) is problem+json, as on every other path
        if (r.target.startsWith("/fhir") && status != 405 && status != 406) {
            return outcome(v, a, status, r);
        }
        if (!"application/problem+json".equals(mediaType(a))) {
            v.add("Content-Type " + a.header("content-type") + ", not application/problem+json");
            return v;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(a.body());
        } catch (IOException e) {
            v.add("problem+json that is not JSON: " + abbreviate(text));
            return v;
        }
        if (problem == null || !problem.isObject()) {
            v.add("problem+json that is not an object");
            return v;
        }
        String type = problem.path("type").asText("");
        if (!type.startsWith("urn:uputnica:problem:")) {
            v.add("problem type " + type);
        }
        if (!r.expectedTypes.isEmpty() && !r.expectedTypes.contains(type)) {
            v.add("problem type " + type + ", expected one of " + r.expectedTypes);
        }
        if (problem.path("status").asInt() != status) {
            v.add("problem status " + problem.path("status") + " differs from HTTP " + status);
        }
        if (problem.path("title").asText("").isBlank()) {
            v.add("problem without a title");
        }
        for (String leak : LEAKS) {
            if (problem.path("detail").asText("").contains(leak) || problem.path("title").asText("").contains(leak)) {
                v.add("problem text reveals internals (" + leak.strip() + "): " + abbreviate(problem.path("detail").asText()));
            }
        }
        if (status == 401 && (a.header("www-authenticate") == null || !a.header("www-authenticate").startsWith("Bearer"))) {
            v.add("401 without WWW-Authenticate: Bearer");
        }
        if (r.expectedField != null && status == 400) {
            Set<String> fields = new java.util.TreeSet<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            if (!fields.contains(r.expectedField)) {
                v.add("the problem does not name the parameter " + r.expectedField + " (errors: " + fields + ")");
            }
        }
        return v;
    }

    /**
     * An error of the FHIR facade: an OperationOutcome whose first issue names the problem type (system
     * urn:uputnica:problem), no internals in its diagnostics, and a 401 that says Bearer.
     */
    private static List<String> outcome(List<String> v, Sender.Answer a, int status, FuzzRequest r) {
        if (!"application/fhir+json".equals(mediaType(a))) {
            v.add("Content-Type " + a.header("content-type") + ", not application/fhir+json");
            return v;
        }
        JsonNode outcome;
        try {
            outcome = JSON.readTree(a.body());
        } catch (IOException e) {
            v.add("an OperationOutcome that is not JSON: " + abbreviate(a.text()));
            return v;
        }
        if (outcome == null || !"OperationOutcome".equals(outcome.path("resourceType").asText())) {
            v.add("not an OperationOutcome: " + abbreviate(a.text()));
            return v;
        }
        JsonNode coding = outcome.path("issue").path(0).path("details").path("coding").path(0);
        String type = "urn:uputnica:problem:" + coding.path("code").asText("");
        if (!"urn:uputnica:problem".equals(coding.path("system").asText())) {
            v.add("an OperationOutcome without a problem type");
        }
        // a body the FHIR parser refuses is fhir-malformed (400) or fhir-unprocessable (422), whatever the mutation
        if (!r.expectedTypes.isEmpty() && !r.expectedTypes.contains(type) && !type.startsWith("urn:uputnica:problem:fhir-")) {
            v.add("problem type " + type + ", expected one of " + r.expectedTypes);
        }
        for (String leak : LEAKS) {
            if (outcome.path("issue").path(0).path("diagnostics").asText("").contains(leak)) {
                v.add("OperationOutcome reveals internals (" + leak.strip() + ")");
            }
        }
        if (status == 401 && (a.header("www-authenticate") == null || !a.header("www-authenticate").startsWith("Bearer"))) {
            v.add("401 without WWW-Authenticate: Bearer");
        }
        return v;
    }

    static String mediaType(Sender.Answer a) {
        String type = a.header("content-type");
        return type == null ? null : type.split(";")[0].trim();
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
