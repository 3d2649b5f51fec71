package org.uputnica.cases.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A line of the owner agency's case list. */
public record CaseSummary(UUID id, String reference, String personName, Integer birthYear,
                          List<CaseCategory> categories, CaseStep step, RiskLevel riskLevel, String responsibleUser,
                          OffsetDateTime createdAt) {
    static CaseSummary of(CaseFile c) {
        return new CaseSummary(c.id, c.reference, c.person.givenName + " " + c.person.familyName, c.person.birthYear(),
                List.copyOf(c.categories), c.step, c.riskLevel, c.responsibleUser, c.createdAt);
    }
}
