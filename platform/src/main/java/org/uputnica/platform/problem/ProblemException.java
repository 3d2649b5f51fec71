package org.uputnica.platform.problem;

import java.util.List;

/** Thrown by application code to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private Long retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemType.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException forbidden(String type, String detail) {
        return new ProblemException(403, type, "Forbidden", detail);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    /** 429 {@code rate-limited}: the caller used up a rate limit; answered with {@code Retry-After}. */
    public static ProblemException rateLimited(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(429, ProblemType.RATE_LIMITED, "Too many requests", detail);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, ProblemType.VALIDATION, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    /** The seconds for {@code Retry-After}, or null when the answer has none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
