package org.uputnica.notifications.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An inbox item as its recipients see it; the client shows the case and referral through their own services. */
@Schema(description = "One notice about a referral. Ids and codes only; read the referral and the case from their services.")
public record InboxItemView(
        UUID id,
        NoticeKind kind,
        UUID referralId,
        UUID caseId,
        @Schema(example = "URGENT") String urgency,
        @Schema(example = "PSYCHOSOCIAL_SUPPORT") String service,
        @Schema(description = "The referral's status after the change", example = "ACCEPTED") String status,
        @Schema(description = "The coded reason of a decline, hold or withdrawal", example = "NO_CAPACITY") String reasonCode,
        OffsetDateTime eventTime,
        OffsetDateTime createdAt,
        boolean read,
        OffsetDateTime readAt,
        @Schema(description = "The agency this item is for; absent for a working group's item", example = "csr-kikinda")
        String recipientAgency,
        @Schema(description = "Set when only holders of this role in the agency see the item", example = "supervisor")
        String recipientRole,
        @Schema(description = "Set when the item is for the coordinators of this working group", example = "kikinda-child-protection")
        String recipientWorkingGroup,
        @Schema(description = "The agency that made the change (compare it with your own to show that your agency did this); "
                + "absent when the system acted, e.g. a deadline passed", example = "udruzenje-rod") String actorAgency,
        @Schema(description = "The sending agency; absent on items written before it was recorded", example = "csr-kikinda")
        String fromAgency,
        @Schema(description = "The receiving agency; absent on items written before it was recorded", example = "udruzenje-rod")
        String toAgency,
        @Schema(example = "SENT") String previousStatus,
        @Schema(description = "REFERRAL, or TRANSFER when accepting moves the case to the receiver", example = "REFERRAL")
        String referralKind,
        @Schema(description = "Of a completed referral: PROVIDED, PARTLY_PROVIDED, NOT_PROVIDED", example = "PROVIDED")
        String outcome,
        @Schema(description = "Of an overdue or escalated referral: ACKNOWLEDGE, RESPOND, FIRST_CONTACT", example = "ACKNOWLEDGE")
        String deadline,
        @Schema(description = "The multi-agency request the referral is one candidate of") UUID groupId,
        @Schema(description = "For a forward: the new referral; for a referral made by forwarding: the one it came from")
        UUID relatedReferralId,
        @Schema(description = "The working group that follows the referral", example = "kikinda-child-protection")
        String workingGroup) {

    static InboxItemView of(InboxItem i) {
        return new InboxItemView(i.id, i.kind, i.referralId, i.caseId, i.urgency, i.service, i.status, i.reasonCode,
                i.eventTime, i.createdAt, i.readAt != null, i.readAt, i.recipientAgency, i.recipientRole,
                i.recipientWorkingGroup, i.actorAgency, i.fromAgency, i.toAgency, i.previousStatus, i.referralKind,
                i.outcome, i.deadline, i.groupId, i.relatedReferralId, i.workingGroup);
    }
}
