package org.uputnica.cases.linking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How record linking finds and scores possible matches (see docs/record-linking.md). */
@ConfigMapping(prefix = "uputnica.linking")
public interface LinkingConfig {
    /** The score from which a possible match is suggested, 0 to 1. */
    @WithDefault("0.85")
    double minScore();

    /** How many years two birth years may lie apart, exact or estimated from an age, and still match. */
    @WithDefault("2")
    int ageToleranceYears();

    /**
     * The trigram word similarity (pg_trgm) from which the database hands a name over for scoring: a loose first
     * cut, well below what scoring asks for, so that only clearly different names are left out.
     */
    @WithDefault("0.5")
    double prefilterSimilarity();

    /** At most this many other agencies' records are scored for one case, the most similar names first. */
    @WithDefault("200")
    int maxCandidates();
}
