package org.uputnica.events;

import java.util.UUID;

/**
 * Data of every referral event: the referral's parties and codes after the change, and what it changed from.
 * {@code reasonCode} is set for a decline; the free-text note stays in the referral-service.
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
        Actor actor) {
}
