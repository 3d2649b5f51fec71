package org.uputnica.cases.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Aggregates only: counts of cases by dimension, never a name, id or reference. A count below the minimum cell size
 * is suppressed ({@code count} null, {@code suppressed} true).
 *
 * @param agency       the agency counted, or null for all agencies
 * @param sharing      referrals of the counted cases by sharing basis: LEGAL_BASIS is sharing without consent
 */
public record CaseStatistics(String agency, OffsetDateTime generatedAt, int minCellSize, Cell total,
                             List<Cell> byCategory, List<Cell> byStep, List<Cell> byRiskLevel,
                             List<Cell> byLegalStatus, List<Cell> byAgeGroup, List<Cell> bySex,
                             List<Cell> byOwnerAgency, List<Cell> sharing, List<Cell> consents) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String key, Long count, Boolean suppressed) {
        static Cell of(String key, long count, int minCellSize) {
            return count > 0 && count < minCellSize ? new Cell(key, null, true) : new Cell(key, count, null);
        }
    }
}
