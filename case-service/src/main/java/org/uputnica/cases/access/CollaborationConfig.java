package org.uputnica.cases.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** {@code uputnica.collaborations.*}: how far the owner may keep a closed referral's receiver's access. */
@ConfigMapping(prefix = "uputnica.collaborations")
public interface CollaborationConfig {
    /** The latest day an extension may name, counted from today. */
    @WithDefault("P180D")
    Period maxExtension();
}
