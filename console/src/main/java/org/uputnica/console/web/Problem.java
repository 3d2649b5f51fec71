package org.uputnica.console.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API's problem+json answer as the forms show it: the message key of its type (docs/problems.md) and the
 * invalid fields by name.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record FieldError(String field, String message) {
    }

    public static Problem of(WebApplicationException e) {
        Response r = e.getResponse();
        try {
            r.bufferEntity();
            Problem p = JSON.readValue(r.readEntity(String.class), Problem.class);
            return new Problem(p.type, p.title, r.getStatus(), p.detail, p.errors == null ? List.of() : p.errors);
        } catch (RuntimeException | java.io.IOException notJson) {
            return new Problem(null, null, r.getStatus(), null, List.of());
        }
    }

    /** The problem types the console has a message for (docs/problems.md); others show a general message. */
    static final Set<String> KNOWN = Set.of("validation", "stale_version", "conflict", "illegal_transition",
            "already_taken", "no_sharing_basis", "consent_not_valid", "consent_withdrawn", "wrong_party",
            "not_a_party", "case_not_owned", "not_case_owner", "supervisor_required", "forbidden",
            "concurrent_modification", "protocol_requirements_unmet", "case_anonymised");

    /** The message key for this problem: problem_ and the last part of its type (problem_no_sharing_basis). */
    public String key() {
        if (type == null || type.isBlank()) {
            return "problem_generic";
        }
        String name = type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1).replace('-', '_');
        return KNOWN.contains(name) ? "problem_" + name : "problem_generic";
    }

    /** The API's message for each invalid field, by the field's last name (person.givenName -> givenName). */
    public Map<String, String> fields() {
        return errors.stream().collect(Collectors.toMap(f -> f.field().substring(f.field().lastIndexOf('.') + 1),
                FieldError::message, (a, b) -> a));
    }
}
