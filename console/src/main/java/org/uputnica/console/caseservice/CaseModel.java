package org.uputnica.console.caseservice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The parts of the case-service's representations the console shows (unknown fields are ignored). */
public final class CaseModel {
    private CaseModel() {
    }

    public record Summary(UUID id, String reference, String personName, Integer birthYear, List<String> categories,
                          String step, OffsetDateTime createdAt) {
    }

    /** A case as the API shows it to this user: sections the user may not see are null. */
    public record CaseFile(UUID id, String reference, String ownerAgency, String access, List<String> sharedData,
                           List<String> categories, String step, OffsetDateTime createdAt, Person person) {
    }

    public record Person(String givenName, String familyName, String nameLatin, String nameCyrillic,
                         LocalDate dateOfBirth, Integer birthYear, String sex, String nationality,
                         List<String> languages, String legalStatus) {
        public String fullName() {
            return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        }
    }

    public record Consent(UUID id, String givenBy, String giverName, String purpose, String toAgency,
                          String toAgencyKind, List<String> data, LocalDate validFrom, LocalDate validUntil,
                          String method, OffsetDateTime recordedAt, OffsetDateTime withdrawnAt, boolean validToday) {
    }

    public record Note(UUID id, OffsetDateTime at, String author, String authorAgency, String text,
                       boolean confidential) {
    }
}
