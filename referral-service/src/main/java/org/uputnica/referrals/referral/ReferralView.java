package org.uputnica.referrals.referral;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral as its parties (and its working group's coordinator) see it. */
public record ReferralView(UUID id, UUID caseId, ReferralKind kind, String fromAgency, String toAgency,
                           ServiceType service, Urgency urgency, String reason, ReferralStatus status,
                           Sharing sharing, DeclineReason declineCode, String declineNote, Outcome outcome,
                           String outcomeNote, String holdReason, String withdrawReason, UUID groupId,
                           UUID forwardedFrom, UUID forwardedTo, String workingGroup, OffsetDateTime createdAt,
                           OffsetDateTime sentAt, OffsetDateTime acknowledgedAt, OffsetDateTime answeredAt,
                           OffsetDateTime updatedAt, long version,
                           String protocolCode, Integer protocolVersion) {

    static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.caseId, r.kind, r.fromAgency, r.toAgency, r.service, r.urgency, r.reason,
                r.status, r.sharing(), r.declineCode, r.declineNote, r.outcome, r.outcomeNote, r.holdReason,
                r.withdrawReason, r.groupId, r.forwardedFrom, r.forwardedTo, r.workingGroup, r.createdAt, r.sentAt,
                r.acknowledgedAt, r.answeredAt, r.updatedAt, r.version, r.protocolCode, r.protocolVersion);
    }

    public record HistoryEntry(OffsetDateTime at, ReferralStatus fromStatus, ReferralStatus toStatus, String actor,
                               String actorAgency, String reasonCode, String note) {
        static HistoryEntry of(ReferralHistoryEntry h) {
            return new HistoryEntry(h.at, h.fromStatus, h.toStatus, h.actorName, h.actorAgency, h.reasonCode, h.note);
        }
    }

    public record Page(List<ReferralView> items, int page, int size, long total) {
    }

    public record Group(UUID id, UUID caseId, String fromAgency, ReferralGroup.Status status, UUID acceptedReferralId,
                        List<ReferralView> referrals) {
    }
}
