package org.uputnica.cases.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral of the case and the access it gives the receiving agency today. */
public record CollaborationView(UUID referralId, String agency, String kind, String status, String sharingBasis,
                                UUID consentId, List<String> sharedData, OffsetDateTime acceptedAt,
                                OffsetDateTime closedAt, LocalDate extendedUntil, OffsetDateTime revokedAt,
                                boolean accessNow) {
    public static CollaborationView of(CaseReferral r, LocalDate today) {
        return new CollaborationView(r.referralId, r.toAgency, r.kind, r.status, r.sharingBasis, r.consentId,
                List.copyOf(r.sharedData), r.acceptedAt, r.closedAt, r.extendedUntil, r.revokedAt, r.grantsAccess(today));
    }
}
