package org.uputnica.cases.linking;

import org.uputnica.cases.person.IdentifierType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two agencies' records may be the same person, with a score from 0 to 1 and the reasons. The same for
 * either order of the two records.
 * <ol>
 *     <li>The same identifier (type and normalised value) on both is strong on its own: at least
 *     {@value #SAME_IDENTIFIER_SCORE}, whatever else differs (a child re-registered under another spelling, or a
 *     misrecorded sex).</li>
 *     <li>Otherwise some differences rule a match out: two known sexes that differ, birth years further apart than
 *     the tolerance, two different JMBGs (a JMBG belongs to one person only).</li>
 *     <li>Otherwise the score is the {@link NameSimilarity name similarity}, moved by the rest of the evidence:
 *     +{@value #SAME_DATE} for the same exact date of birth, −{@value #DIFFERENT_DATES} when both dates are exact
 *     but differ (a typo, or another person), −{@value #PER_YEAR} for each year between the birth years,
 *     −{@value #UNKNOWN_BIRTH} when a birth year is unknown and −{@value #UNKNOWN_SEX} when a sex is unknown
 *     (missing evidence is weaker than agreeing evidence).</li>
 * </ol>
 * Names decide because birth year and sex are shared by many children in one reception centre; they confirm a
 * name, they cannot replace it.
 */
final class MatchScorer {
    static final double SAME_IDENTIFIER_SCORE = 0.95;
    static final double SAME_DATE = 0.10;
    static final double DIFFERENT_DATES = 0.10;
    static final double PER_YEAR = 0.03;
    static final double UNKNOWN_BIRTH = 0.05;
    static final double UNKNOWN_SEX = 0.02;
    /** Below this, the names are not called similar among the reasons. */
    static final double NAME_SIMILAR_LEVEL = 0.75;

    private final int ageToleranceYears;

    MatchScorer(int ageToleranceYears) {
        this.ageToleranceYears = ageToleranceYears;
    }

    /** A possible match with its score and reasons (strongest first). */
    record Match(double score, List<MatchReason> reasons) {
        Match {
            reasons = List.copyOf(reasons);
        }
    }

    /** The match, or empty when the records cannot be the same person. */
    Optional<Match> score(MatchProfile a, MatchProfile b) {
        List<MatchReason> reasons = new ArrayList<>();
        boolean ruledOut = false;

        Set<IdentifierType> shared = new TreeSet<>();
        for (MatchProfile.IdentifierKey id : a.identifiers()) {
            if (b.identifiers().contains(id)) {
                shared.add(id.type());
            }
        }
        shared.forEach(type -> reasons.add(MatchReason.sameIdentifier(type)));
        if (!a.jmbgs().isEmpty() && !b.jmbgs().isEmpty() && Collections.disjoint(a.jmbgs(), b.jmbgs())) {
            ruledOut = true;
        }

        double nameSimilarity = NameSimilarity.best(a.names(), b.names());
        if (nameSimilarity >= NAME_SIMILAR_LEVEL) {
            reasons.add(MatchReason.nameSimilar(nameSimilarity));
        }

        double adjustment = 0;
        if (a.birthYear() == null || b.birthYear() == null) {
            adjustment -= UNKNOWN_BIRTH;
        } else {
            int years = Math.abs(a.birthYear() - b.birthYear());
            if (years > ageToleranceYears) {
                ruledOut = true;
            } else if (a.dateOfBirth() != null && a.dateOfBirth().equals(b.dateOfBirth())) {
                adjustment += SAME_DATE;
                reasons.add(MatchReason.sameDateOfBirth());
            } else {
                if (a.dateOfBirth() != null && b.dateOfBirth() != null) {
                    adjustment -= DIFFERENT_DATES;
                }
                adjustment -= PER_YEAR * years;
                reasons.add(MatchReason.birthYearWithin(years));
            }
        }

        if (!a.sexKnown() || !b.sexKnown()) {
            adjustment -= UNKNOWN_SEX;
        } else if (a.sex() == b.sex()) {
            reasons.add(MatchReason.sameSex());
        } else {
            ruledOut = true;
        }

        double byName = Math.max(0, Math.min(1, nameSimilarity + adjustment));
        if (!shared.isEmpty()) {
            return Optional.of(new Match(round(ruledOut ? SAME_IDENTIFIER_SCORE : Math.max(SAME_IDENTIFIER_SCORE, byName), 3),
                    reasons));
        }
        return ruledOut ? Optional.empty() : Optional.of(new Match(round(byName, 3), reasons));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
