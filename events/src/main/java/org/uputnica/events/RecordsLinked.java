package org.uputnica.events;

import java.util.UUID;

/**
 * Data of {@link EventType#CASE_RECORDS_LINKED}: two agencies' cases are about the same person. The link connects
 * the records without merging them; neither agency gains access to the other's case through it.
 */
public record RecordsLinked(UUID linkId, UUID caseId, String agency, UUID linkedCaseId, String linkedAgency,
                            Actor actor) {
}
