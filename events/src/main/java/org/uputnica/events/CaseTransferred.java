package org.uputnica.events;

import java.util.UUID;

/** Data of {@link EventType#CASE_TRANSFERRED}: the case now belongs to {@code toAgency}. */
public record CaseTransferred(UUID caseId, String fromAgency, String toAgency, UUID referralId, Actor actor) {
}
