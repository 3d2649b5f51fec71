package org.uputnica.cases.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a consent allows, without who gave it or why: the same as {@link org.uputnica.events.ConsentChanged}, for a
 * service that missed the event (the referral-service checks a referral against it).
 */
public record ConsentTerms(UUID id, UUID caseId, String toAgency, String toAgencyKind, List<String> data,
                           LocalDate validFrom, LocalDate validUntil, OffsetDateTime withdrawnAt) {
    static ConsentTerms of(Consent c) {
        return new ConsentTerms(c.id, c.caseId, c.toAgency, c.toAgencyKind, List.copyOf(c.data), c.validFrom,
                c.validUntil, c.withdrawnAt);
    }
}
