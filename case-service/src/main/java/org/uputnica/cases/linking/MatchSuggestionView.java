package org.uputnica.cases.linking;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A possible match as the owner agency's caseworker sees it: which agency has the other record, how strong the match
 * is and why. Nothing of the other record itself: no case id, reference, name, date or identifier.
 *
 * @param otherAgency the alias of the agency that owns the other record
 * @param linkId      the link a confirmation made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchSuggestionView(UUID id, MatchStatus status, double score, List<MatchReason> reasons,
                                  String otherAgency, OffsetDateTime suggestedAt, OffsetDateTime decidedAt,
                                  String decidedByAgency, UUID linkId) {

    static MatchSuggestionView of(RecordMatch m, String otherAgency, UUID linkId) {
        return new MatchSuggestionView(m.id, m.status, m.score, m.reasons, otherAgency, m.suggestedAt, m.decidedAt,
                m.decidedByAgency, linkId);
    }
}
