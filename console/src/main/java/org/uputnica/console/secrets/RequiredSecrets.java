package org.uputnica.console.secrets;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The console's secrets, by the environment variable that holds them (as the platform's RequiredSecrets does for the
 * services; the console does not depend on the platform). Quarkus reads the OIDC session secret as optional; this
 * mapping makes a start without it stop, under {@code %prod}, with one line naming the variable.
 */
@ConfigMapping(prefix = "uputnica.secrets")
public interface RequiredSecrets {

    /** By environment variable; never logged. */
    @WithParentName
    Map<String, String> values();

    /** Quarkus validates only the mappings something injects. */
    @Startup
    @Singleton
    class Check {
        Check(RequiredSecrets secrets) {
            // nothing to do: reading the configuration has already stopped a start without a secret
        }
    }
}
