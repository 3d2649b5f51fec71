package org.uputnica.events;

import java.util.UUID;

/**
 * Data of {@link EventType#CASE_RECORDS_UNLINKED}: a link of {@link RecordsLinked} was dissolved, by a caseworker of
 * either agency, because it was confirmed wrongly. The fields name the same records as the link's event did, seen
 * from the dissolving agency's case; {@code reasonCode} is a code (NOT_SAME_PERSON, ENTERED_IN_ERROR, DUPLICATE_LINK),
 * never the caseworker's note.
 */
public record RecordsUnlinked(UUID linkId, UUID caseId, String agency, UUID linkedCaseId, String linkedAgency,
                              String reasonCode, Actor actor) {
}
