package org.uputnica.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@link EventType#CASE_CONSENT_RECORDED} and {@link EventType#CASE_CONSENT_WITHDRAWN}: what a consent
 * allows, never who gave it or why (those stay in the case-service).
 *
 * @param toAgency     the agency the consent names, or null when it names a kind of agency
 * @param toAgencyKind the kind of agency (a directory kind such as ngo or social-welfare-centre) when no single agency is named
 * @param data         the kinds of data it allows to share ({@link SharedData} codes)
 * @param validUntil   the last day it holds, or null for no end date
 * @param withdrawnAt  when it was withdrawn; null in a consent-recorded event
 */
public record ConsentChanged(UUID consentId, UUID caseId, String ownerAgency, String toAgency, String toAgencyKind,
                             List<String> data, LocalDate validFrom, LocalDate validUntil, OffsetDateTime withdrawnAt,
                             Actor actor) {
    public ConsentChanged {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
