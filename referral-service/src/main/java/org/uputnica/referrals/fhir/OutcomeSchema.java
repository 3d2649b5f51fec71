package org.uputnica.referrals.fhir;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The OpenAPI shape of the facade's errors, for the document only: a FHIR R4 OperationOutcome. */
@Schema(name = "OperationOutcome", description = "FHIR R4 OperationOutcome: one issue per problem; details.coding "
        + "carries the problem type of docs/problems.md (system urn:uputnica:problem), expression the element at fault")
record OutcomeSchema(@Schema(enumeration = "OperationOutcome", required = true) String resourceType,
                     @Schema(required = true) List<Issue> issue) {

    record Issue(@Schema(description = "error") String severity,
                 @Schema(description = "FHIR issue type, e.g. invalid, forbidden, not-found, conflict, processing")
                 String code,
                 Details details, String diagnostics, List<String> expression) {
    }

    record Details(List<Coding> coding, String text) {
    }

    record Coding(String system, String code, String display) {
    }
}
