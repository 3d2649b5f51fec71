package org.uputnica.events;

import java.util.UUID;

/** Data of {@link EventType#CASE_CREATED}: which agency owns the new case. */
public record CaseCreated(UUID caseId, String ownerAgency, String category, Actor actor) {
}
