package org.uputnica.referrals.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** {@code uputnica.audit.*}: how long the referral-service's audit tables keep their rows; docs/data-protection.md. */
@ConfigMapping(prefix = "uputnica.audit")
public interface AuditConfig {
    /** Reads of referrals (table referral_access), from the read. */
    @WithDefault("P5Y")
    Period retention();

    /** Platform administrators' changes (table admin_audit), from the change. */
    @WithDefault("P10Y")
    Period adminRetention();

    /** How often the erasure runs. */
    @WithDefault("1h")
    String erasureInterval();
}
