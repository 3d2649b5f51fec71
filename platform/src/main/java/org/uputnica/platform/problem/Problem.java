package org.uputnica.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URN per kind of problem
 * ({@link ProblemType}), so clients branch on it rather than on the English title.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of the request body, named by its JSON path (for example {@code person.dateOfBirth}). */
    public record FieldError(String field, String message) {
    }
}
