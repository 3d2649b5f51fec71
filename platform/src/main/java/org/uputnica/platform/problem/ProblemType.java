package org.uputnica.platform.problem;

/**
 * The stable problem types shared by all services. Services add their own with {@link #of(String)};
 * docs/problems.md lists them all.
 */
public final class ProblemType {
    public static final String PREFIX = "urn:uputnica:problem:";

    public static final String VALIDATION = of("validation");
    public static final String MALFORMED_REQUEST = of("malformed-request");
    public static final String NOT_FOUND = of("not-found");
    public static final String METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final String UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final String NOT_ACCEPTABLE = of("not-acceptable");
    public static final String REQUEST_TOO_LARGE = of("request-too-large");
    public static final String UNAUTHENTICATED = of("unauthenticated");
    public static final String FORBIDDEN = of("forbidden");
    public static final String CONFLICT = of("conflict");
    public static final String CONCURRENT_MODIFICATION = of("concurrent-modification");
    public static final String STALE_VERSION = of("stale-version");
    public static final String RATE_LIMITED = of("rate-limited");
    public static final String DEPENDENCY_UNAVAILABLE = of("dependency-unavailable");
    public static final String DATABASE_UNAVAILABLE = of("database-unavailable");
    public static final String INTERNAL = of("internal-error");

    private ProblemType() {
    }

    public static String of(String slug) {
        return PREFIX + slug;
    }
}
