package org.uputnica.platform.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The secrets a service cannot run without, each named by the environment variable that holds it:
 * {@code uputnica.secrets.REFERRAL_DB_PASSWORD=${quarkus.datasource.password}}. Quarkus reads some secrets as optional
 * (the datasource password, the Keycloak admin client's secret), so a missing one used to fail late and unclearly.
 * A mapping is checked when the configuration is read, before anything connects: under {@code %prod}, where the
 * secret has no default, the start stops at once with one line naming the variable ("SRCFG00011: Could not expand
 * value REFERRAL_DB_PASSWORD ..."). The list of secrets is in docs/runbook.md.
 */
@ConfigMapping(prefix = "uputnica.secrets")
public interface RequiredSecrets {

    /** By environment variable; never logged. */
    @WithParentName
    Map<String, String> values();
}
