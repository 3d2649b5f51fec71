package org.uputnica.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the REST layer into problem+json. Authentication failures reach
 * these mappers because the services run with {@code quarkus.http.auth.proactive=false}. Nothing here
 * ever writes a stack trace or an exception message of a library into a response.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION, "Invalid request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            message = org.uputnica.platform.input.Text.RULE;
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            message = "is not a valid " + friendlyType(ife.getTargetType());
        } else {
            message = "has the wrong type or shape";
        }
        if (field.isEmpty()) {
            return respond(new Problem(ProblemType.MALFORMED_REQUEST, "Malformed request", 400,
                    "the request body does not have the expected shape", path(uri), List.of()));
        }
        return respond(new Problem(ProblemType.VALIDATION, "Invalid request", 400, field + ": " + message, path(uri),
                List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformed(uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformed(uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem p = new Problem(ProblemType.UNAUTHENTICATED, "Unauthenticated", 401,
                "a valid bearer token is required", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(p).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemType.FORBIDDEN, "Forbidden", 403,
                "your roles do not allow this operation", path(uri), List.of()));
    }

    /** Two parties changed the same record at once: the loser retries with the current version. */
    @ServerExceptionMapper
    public Response concurrentModification(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(ProblemType.CONCURRENT_MODIFICATION, "Concurrent modification", 409,
                "someone else changed this record at the same time; read it again and retry", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        String type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.of("http-" + status);
        };
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        return respond(new Problem(type, title, status, null, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            // transient and not a fault of the request: a 503 that says when to retry, not an error to investigate
            LOG.warnf("the database is not reachable (%s): answered 503", DatabaseOutage.describe(e));
            return Response.fromResponse(respond(new Problem(ProblemType.DATABASE_UNAVAILABLE, "Service unavailable", 503,
                            "the service's database is not reachable; nothing was changed, retry shortly", path(uri),
                            List.of())))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unhandled error, reference %s", reference);
        return respond(new Problem(ProblemType.INTERNAL, "Internal error", 500,
                "an unexpected error occurred; quote reference " + reference, path(uri), List.of()));
    }

    private static Response malformed(UriInfo uri) {
        return respond(new Problem(ProblemType.MALFORMED_REQUEST, "Malformed request", 400,
                "the request body is not valid JSON", path(uri), List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** {@code create.request.person.givenName} becomes {@code person.givenName}: drop the method and parameter. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        names.add(name); // "<list element>" would say nothing: the index already names the element
                    }
                }
            }
        }
        if (names.isEmpty()) {
            // a violation on a parameter itself, e.g. a missing body: name the parameter
            String last = null;
            for (Path.Node node : v.getPropertyPath()) {
                last = node.getName();
            }
            return last == null ? "body" : last;
        }
        return String.join(".", names);
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String friendlyType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            case "OffsetDateTime", "Instant" -> "timestamp (RFC 3339)";
            case "Integer", "Long", "int", "long" -> "whole number";
            default -> type.getSimpleName();
        };
    }
}
