package org.uputnica.notifications.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** {@code uputnica.settings.*}: how users' own e-mail settings stay true; docs/data-protection.md. */
@ConfigMapping(prefix = "uputnica.settings")
public interface SettingsConfig {
    /**
     * How long the copy of a user's agency, roles and working groups counts after the user last called this service
     * with a token (the console does on every page): then no more e-mail until the user is back.
     */
    @WithDefault("P30D")
    Period membershipValidFor();

    /** How long the code sent to a new address may confirm it. */
    @WithDefault("PT24H")
    Duration verificationCodeValidFor();
}
