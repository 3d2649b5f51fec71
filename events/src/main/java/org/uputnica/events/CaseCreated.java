package org.uputnica.events;

import java.util.UUID;

/**
 * Data of {@link EventType#CASE_CREATED}: which agency owns the new case. Not its category: codes such as
 * VICTIM_OF_TRAFFICKING are special-category data, and no consumer needs them.
 */
public record CaseCreated(UUID caseId, String ownerAgency, Actor actor) {
}
