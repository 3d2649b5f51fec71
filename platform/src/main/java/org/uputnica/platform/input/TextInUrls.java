package org.uputnica.platform.input;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemMappers;
import org.uputnica.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Text} for the decoded path and query, before anything is matched: no resource is named with a NUL (404),
 * and a query parameter with one is a 400 naming it. Otherwise the text reached SQL parameters and failed there.
 */
public class TextInUrls {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUnacceptableText(UriInfo uri) {
        if (!Text.isAcceptable(uri.getPath())) {
            return Optional.of(ProblemMappers.respond(new Problem(ProblemType.NOT_FOUND, "Not found", 404,
                    "no resource has a name with a NUL character", null, List.of())));
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean acceptable = Text.isAcceptable(parameter.getKey())
                    && parameter.getValue().stream().allMatch(v -> v == null || Text.isAcceptable(v));
            if (!acceptable) {
                String name = Text.isAcceptable(parameter.getKey()) ? parameter.getKey() : "query";
                errors.add(new Problem.FieldError(name, Text.RULE));
            }
        }
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(new Problem(ProblemType.VALIDATION, "Invalid request", 400,
                errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                uri.getPath(), errors)));
    }
}
