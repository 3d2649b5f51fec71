package org.uputnica.platform.input;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The largest JSON body a service reads ({@code uputnica.http.max-json-body-size}, 1 MB). The HTTP limit
 * ({@code quarkus.http.limits.max-body-size}) is the same unless a service takes larger uploads of other types.
 */
@ConfigMapping(prefix = "uputnica.http")
public interface BodyLimits {
    @WithDefault("1M")
    MemorySize maxJsonBodySize();

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.endsWith("/json") || type.endsWith("+json");
    }
}
