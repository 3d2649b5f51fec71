package org.uputnica.cases.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Counts below the minimum cell size are suppressed, so that a small count cannot point at a child. */
@ConfigMapping(prefix = "uputnica.statistics")
public interface StatisticsConfig {
    @WithDefault("5")
    int minCellSize();
}
