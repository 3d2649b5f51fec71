package org.uputnica.events;

import java.util.UUID;

/** Data of {@link EventType#CASE_CLOSED}: the closure reason is a code; its free-text remark stays home. */
public record CaseClosed(UUID caseId, String ownerAgency, String closureReason, Actor actor) {
}
