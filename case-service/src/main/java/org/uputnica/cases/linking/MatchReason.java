package org.uputnica.cases.linking;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.cases.person.IdentifierType;

/**
 * One piece of evidence that two agencies' records are the same person. It says what agrees, never the value
 * (no name, date or number of the other agency's record).
 *
 * @param similarity     for NAME_SIMILAR: the name similarity, 0 to 1
 * @param years          for BIRTH_YEAR_WITHIN: how many years apart the (exact or estimated) birth years are
 * @param identifierType for SAME_IDENTIFIER: the kind of number both records carry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchReason(Code code, Double similarity, Integer years, IdentifierType identifierType) {

    public enum Code {
        /** Both records carry the same identifier (type and value): strong on its own. */
        SAME_IDENTIFIER,
        /** The names are alike across scripts and spellings ({@code similarity}). */
        NAME_SIMILAR,
        /** Both records have the same exact date of birth. */
        SAME_DATE_OF_BIRTH,
        /** The birth years (at least one estimated from an age, or exact dates that differ) are {@code years} apart. */
        BIRTH_YEAR_WITHIN,
        /** Both records give the same sex. */
        SAME_SEX
    }

    static MatchReason sameIdentifier(IdentifierType type) {
        return new MatchReason(Code.SAME_IDENTIFIER, null, null, type);
    }

    static MatchReason nameSimilar(double similarity) {
        return new MatchReason(Code.NAME_SIMILAR, MatchScorer.round(similarity, 2), null, null);
    }

    static MatchReason sameDateOfBirth() {
        return new MatchReason(Code.SAME_DATE_OF_BIRTH, null, null, null);
    }

    static MatchReason birthYearWithin(int years) {
        return new MatchReason(Code.BIRTH_YEAR_WITHIN, null, years, null);
    }

    static MatchReason sameSex() {
        return new MatchReason(Code.SAME_SEX, null, null, null);
    }
}
