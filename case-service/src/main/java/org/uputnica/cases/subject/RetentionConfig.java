package org.uputnica.cases.subject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How long a closed case keeps its personal data before it may be anonymised (set it to what the law says). */
@ConfigMapping(prefix = "uputnica.cases")
public interface RetentionConfig {
    @WithDefault("P10Y")
    Period retention();
}
