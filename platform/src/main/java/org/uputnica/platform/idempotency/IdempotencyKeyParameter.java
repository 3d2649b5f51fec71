package org.uputnica.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Documents the {@code Idempotency-Key} header once, as the reusable parameter {@code IdempotencyKey}: every operation
 * whose resource method takes the header refers to it, and documents the 422 of a reused key.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BOTH)
public class IdempotencyKeyParameter implements OASFilter {
    static final String NAME = "IdempotencyKey";
    private static final String REF = "#/components/parameters/" + NAME;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                used |= refer(operation);
            }
        }
        if (!used) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addParameter(NAME, OASFactory.createParameter()
                .name(Idempotency.HEADER).in(Parameter.In.HEADER).required(false)
                .description("""
                        Makes the create safe to retry: send a new unique key (a UUID) with each new create, and the same \
                        key with the same body when retrying it. A retry gets the first answer again (status, body, \
                        Location, ETag, and the header `Idempotent-Replayed: true`) and creates nothing; the same key \
                        with another body is 422 `idempotency-key-reused`. Keys are scoped to the caller and its \
                        agency and kept at least 24 hours. Only a create that succeeded is remembered.""")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                        .pattern("^[\\x21-\\x7E]+$"))
                .example("5f0c7a9e-2b1d-4c3e-9a8f-6d2e1b0c4a57"));
    }

    private static boolean refer(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        List<Parameter> parameters = new ArrayList<>();
        boolean found = false;
        for (Parameter p : operation.getParameters()) {
            if (p.getRef() == null && p.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equalsIgnoreCase(p.getName())) {
                parameters.add(OASFactory.createParameter().ref(REF));
                found = true;
            } else {
                parameters.add(p);
            }
        }
        if (!found) {
            return false;
        }
        operation.setParameters(parameters);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("422") == null) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse().description(
                    "The Idempotency-Key was used before with another request (idempotency-key-reused)")
                    .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory
                            .createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
        }
        return true;
    }
}
