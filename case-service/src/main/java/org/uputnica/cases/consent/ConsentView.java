package org.uputnica.cases.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ConsentView(UUID id, UUID caseId, ConsentInput.GivenBy givenBy, String giverName, String purpose,
                          String toAgency, String toAgencyKind, List<String> data, LocalDate validFrom,
                          LocalDate validUntil, ConsentInput.Method method, String witness, UUID documentId,
                          OffsetDateTime recordedAt, String recordedBy, OffsetDateTime withdrawnAt, String withdrawnBy,
                          String withdrawalNote, boolean validToday) {
    public static ConsentView of(Consent c, LocalDate today) {
        return new ConsentView(c.id, c.caseId, c.givenBy, c.giverName, c.purpose, c.toAgency, c.toAgencyKind,
                List.copyOf(c.data), c.validFrom, c.validUntil, c.method, c.witness, c.documentId, c.recordedAt,
                c.recordedBy, c.withdrawnAt, c.withdrawnBy, c.withdrawalNote, c.validOn(today));
    }
}
