package org.uputnica.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Makes every service's OpenAPI document say what its errors look like, for integrators' client generators and
 * linters: each 4xx/5xx answer is {@code application/problem+json} with the {@code Problem} schema (ADR 0004), and
 * each operation that needs a token documents the 401 it answers without one. Runs at build time, so that the
 * document stored in target/openapi (linted by .ci/run) and the one served at /q/openapi agree.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BOTH)
public class ProblemResponsesFilter implements OASFilter {
    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
            openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                document(operation);
            }
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        // an empty requirement ({}) among them lets a caller in without any: a public operation answers no 401
        boolean needsToken = operation.getSecurity() == null || !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
        if (needsToken && (responses == null || !responses.containsKey("401"))) {
            operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("No valid bearer token (problem type `urn:uputnica:problem:unauthenticated`)"));
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!(code.startsWith("4") || code.startsWith("5")) || response.getRef() != null) {
                return;
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(problemContent());
            } else {
                response.getContent().getMediaTypes().values().stream()
                        .filter(mediaType -> mediaType.getSchema() == null)
                        .forEach(mediaType -> mediaType.setSchema(OASFactory.createSchema().ref(REF)));
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .description("RFC 9457 problem details; branch on `type` (docs/problems.md)")
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("A stable URN, urn:uputnica:problem:<slug>"))
                .addProperty("title", string("A short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For invalid input: one entry per field")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", string("The field's path in the request"))
                                .addProperty("message", string("What is wrong with it"))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
