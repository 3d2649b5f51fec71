package org.uputnica.cases.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

@com.fasterxml.jackson.annotation.JsonPropertyOrder({"at", "userId", "username", "agency", "roles", "action", "basis", "basisId", "purpose"})
/** One read or change of a case's personal data: who, from which agency, in which roles, on what basis, why. */
public record AccessRecord(OffsetDateTime at, String userId, String username, String agency, String roles,
                           String action, String basis, UUID basisId, String purpose) {
}
