package org.uputnica.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.uputnica.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version number, and a change may name the version it
 * was made against in If-Match (412 when stale: the services compare).
 */
public final class IfMatch {
    private IfMatch() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version If-Match names (quoted or weak), null for none or {@code *}; anything else is a 400. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "is not an ETag of this resource");
        }
    }
}
