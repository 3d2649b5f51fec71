package org.uputnica.cases.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** {@code uputnica.audit.*}: how long the access audit keeps its rows; docs/data-protection.md. */
@ConfigMapping(prefix = "uputnica.audit")
public interface AuditConfig {
    /** From the access the row records. */
    @WithDefault("P5Y")
    Period retention();

    /** How often the erasure runs. */
    @WithDefault("1h")
    String erasureInterval();
}
