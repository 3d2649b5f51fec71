package org.uputnica.events;

import java.util.UUID;

/**
 * Data of {@link EventType#CASE_ANONYMISED}: the person's data in the case is gone. Every service that keeps free
 * text about the case (referral reasons, notes) erases it on receipt.
 */
public record CaseAnonymised(UUID caseId, String ownerAgency, Actor actor) {
}
