package org.uputnica.referrals.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.events.SharedData;
import org.uputnica.identity.Caller;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A referral as one of its parties (or its working group's coordinator) sees it.
 * <p>
 * What the sender shared ({@code reason}, the consent reference and legal basis text of {@code sharing}) is for the
 * receiver only while the consent allows it: once the consent is withdrawn ({@code sharing.revokedAt}), everyone but
 * the sender gets it as null and {@code withheld} true. Ids, status, codes, times and the receiver's own notes stay.
 *
 * @param withheld     the shared content is hidden from this caller because the consent was withdrawn
 * @param anonymisedAt   when the case was anonymised: the free text about it is gone for everyone
 * @param allowedActions the actions this caller may take now (its capacities and the status allow them), as the
 *                       verbs of their endpoints: a client shows exactly these buttons
 */
public record ReferralView(UUID id, UUID caseId, ReferralKind kind, String fromAgency, String toAgency,
                           ServiceType service, Urgency urgency, String reason, ReferralStatus status,
                           SharingView sharing, DeclineReason declineCode, String declineNote, Outcome outcome,
                           String outcomeNote, String holdReason, String withdrawReason, UUID groupId,
                           UUID forwardedFrom, UUID forwardedTo, String workingGroup, OffsetDateTime createdAt,
                           OffsetDateTime sentAt, OffsetDateTime acknowledgedAt, OffsetDateTime answeredAt,
                           OffsetDateTime updatedAt, long version,
                           String protocolCode, Integer protocolVersion, boolean withheld,
                           OffsetDateTime anonymisedAt,
                           @Schema(description = "The actions this caller may take now, as the verbs of their "
                                   + "endpoints (e.g. accept, decline); empty when none",
                                   example = "[\"acknowledge\", \"accept\", \"decline\", \"forward\"]")
                           List<String> allowedActions) {

    /**
     * The referral's sharing record as shown.
     *
     * @param revokedAt when the consent it rests on was withdrawn; the receiver must no longer use the shared data
     */
    public record SharingView(Sharing.Basis basis, UUID consentId, String consentReference, String legalBasis,
                              Set<SharedData> data, OffsetDateTime revokedAt) {
    }

    /** The referral as {@code caller} may see it. */
    public static ReferralView of(Referral r, Caller caller) {
        boolean withheld = r.sharingRevokedAt != null && caller != ReferralWorkflow.SYSTEM
                && !Party.of(r, caller).contains(Party.SENDER);
        Sharing sharing = r.sharing();
        SharingView sharingView = sharing == null ? null : new SharingView(sharing.basis(), sharing.consentId(),
                withheld ? null : sharing.consentReference(), withheld ? null : sharing.legalBasis(), sharing.data(),
                r.sharingRevokedAt);
        return new ReferralView(r.id, r.caseId, r.kind, r.fromAgency, r.toAgency, r.service, r.urgency,
                withheld ? null : r.reason, r.status, sharingView, r.declineCode, r.declineNote, r.outcome,
                r.outcomeNote, r.holdReason, r.withdrawReason, r.groupId, r.forwardedFrom, r.forwardedTo,
                r.workingGroup, r.createdAt, r.sentAt, r.acknowledgedAt, r.answeredAt, r.updatedAt, r.version,
                r.protocolCode, r.protocolVersion, withheld, r.anonymisedAt, allowedActions(r, caller));
    }

    /** What the workflow would let this caller do now; SYSTEM-only actions are never offered. */
    static List<String> allowedActions(Referral r, Caller caller) {
        if (caller == ReferralWorkflow.SYSTEM) {
            return List.of();
        }
        Set<Party> parties = Party.of(r, caller);
        return Arrays.stream(ReferralAction.values())
                .filter(a -> a.allowedFor(parties) && a.allowedFrom(r.status))
                .map(ReferralAction::verb).toList();
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
