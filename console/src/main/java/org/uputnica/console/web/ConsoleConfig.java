package org.uputnica.console.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The console's own settings. */
@ConfigMapping(prefix = "uputnica.console")
public interface ConsoleConfig {

    /** Cookies the console sets itself (language, CSRF) are Secure outside local runs. */
    @WithName("secure-cookies")
    @WithDefault("false")
    boolean secureCookies();

    Pdf pdf();

    interface Pdf {
        /** A TrueType font with Serbian Latin and Cyrillic glyphs, embedded in the referral form. */
        String font();

        @WithName("bold-font")
        String boldFont();
    }
}
