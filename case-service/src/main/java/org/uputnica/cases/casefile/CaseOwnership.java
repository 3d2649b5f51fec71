package org.uputnica.cases.casefile;

import java.util.UUID;

/** Which agency owns a case: ids only, no personal data, so any agency may ask (the referral-service does). */
public record CaseOwnership(UUID caseId, String ownerAgency) {
}
