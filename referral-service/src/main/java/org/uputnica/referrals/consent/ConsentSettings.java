package org.uputnica.referrals.consent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** How consents are read. */
@ConfigMapping(prefix = "uputnica.consents")
public interface ConsentSettings {

    /** Whose calendar "the day of sending" is: consents are dated in the agencies' local time. */
    @WithDefault("Europe/Belgrade")
    ZoneId timeZone();
}
