package org.uputnica.referrals.referral;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral as its two parties see it. */
public record ReferralView(UUID id, UUID caseId, String fromAgency, String toAgency, ServiceType service,
                           Urgency urgency, String reason, ReferralStatus status, DeclineReason declineCode,
                           String declineNote, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.caseId, r.fromAgency, r.toAgency, r.service, r.urgency, r.reason, r.status,
                r.declineCode, r.declineNote, r.createdAt, r.updatedAt, r.version);
    }

    public record HistoryEntry(OffsetDateTime at, ReferralStatus fromStatus, ReferralStatus toStatus, String actor,
                               String actorAgency, String reasonCode, String note) {
        static HistoryEntry of(ReferralHistoryEntry h) {
            return new HistoryEntry(h.at, h.fromStatus, h.toStatus, h.actorName, h.actorAgency, h.reasonCode, h.note);
        }
    }

    public record Page(List<ReferralView> items, int page, int size, long total) {
    }
}
