package org.uputnica.events;

import java.util.List;
import java.util.UUID;

/**
 * Data of every referral event: the referral's parties and codes after the change, and what it changed from.
 * Free text (the reason, notes) stays in the referral-service; only codes travel.
 *
 * @param kind              REFERRAL, or TRANSFER when accepting it moves ownership of the case to the receiver
 * @param reasonCode        the coded reason of a decline, hold or withdrawal
 * @param outcome           of a completed referral: PROVIDED, PARTLY_PROVIDED, NOT_PROVIDED
 * @param groupId           the multi-agency request this referral is one candidate of, if any
 * @param relatedReferralId for a forward: the new referral; for a referral made by forwarding: the one it came from
 * @param deadline          for overdue and escalated events: which deadline (ACKNOWLEDGE, RESPOND, FIRST_CONTACT)
 * @param workingGroup      the working group whose coordinator follows this referral, if any
 * @param sharingBasis      CONSENT or LEGAL_BASIS: on what ground the referral shares data
 * @param consentId         the consent record (case-service) the data is shared under, if any
 * @param sharedData        the kinds of data shared with the receiver (codes such as IDENTITY, LANGUAGE)
 */
public record ReferralChanged(
        UUID referralId,
        UUID caseId,
        String fromAgency,
        String toAgency,
        String service,
        String urgency,
        String status,
        String previousStatus,
        String reasonCode,
        Actor actor,
        String kind,
        String outcome,
        UUID groupId,
        UUID relatedReferralId,
        String deadline,
        String workingGroup,
        String sharingBasis,
        UUID consentId,
        List<String> sharedData) {

    public ReferralChanged {
        sharedData = sharedData == null ? List.of() : List.copyOf(sharedData);
    }

    /** Without sharing details (events published before they were added, and tests that do not need them). */
    public ReferralChanged(UUID referralId, UUID caseId, String fromAgency, String toAgency, String service,
                           String urgency, String status, String previousStatus, String reasonCode, Actor actor,
                           String kind, String outcome, UUID groupId, UUID relatedReferralId, String deadline,
                           String workingGroup) {
        this(referralId, caseId, fromAgency, toAgency, service, urgency, status, previousStatus, reasonCode, actor,
                kind, outcome, groupId, relatedReferralId, deadline, workingGroup, null, null, List.of());
    }

    /** The walking skeleton's shape: a plain referral with no group, forward, deadline or working group. */
    public ReferralChanged(UUID referralId, UUID caseId, String fromAgency, String toAgency, String service,
                           String urgency, String status, String previousStatus, String reasonCode, Actor actor) {
        this(referralId, caseId, fromAgency, toAgency, service, urgency, status, previousStatus, reasonCode, actor,
                "REFERRAL", null, null, null, null, null, null, null, List.of());
    }
}
