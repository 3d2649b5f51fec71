package org.uputnica.platform.secrets;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Quarkus validates only the config mappings something injects: this bean injects {@link RequiredSecrets}, so that
 * the check runs in every service, when the configuration is read, before the database or Keycloak is reached.
 */
@Startup
@Singleton
class SecretsCheck {
    SecretsCheck(RequiredSecrets secrets) {
        // nothing to do: reading the configuration has already stopped a start without a secret
    }
}
