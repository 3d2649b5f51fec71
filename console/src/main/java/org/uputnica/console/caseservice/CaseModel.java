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

    public record Document(UUID id, String name, String mediaType, long sizeBytes, boolean confidential,
                           OffsetDateTime uploadedAt, String uploadedBy) {
        /** The size in KB, at least 1. */
        public long kilobytes() {
            return Math.max(1, (sizeBytes + 1023) / 1024);
        }
    }

    public record Plan(UUID caseId, List<Goal> goals) {
    }

    public record Goal(UUID id, String title, String status, OffsetDateTime createdAt, String createdBy,
                       List<Task> tasks) {
    }

    public record Task(UUID id, String title, String responsibleAgency, String responsibleUser, LocalDate dueOn,
                       String status, OffsetDateTime doneAt) {
    }

    /** One read or change of the case's personal data, from the case's access log. */
    public record AccessRecord(OffsetDateTime at, String username, String agency, String roles, String action,
                               String basis, UUID basisId, String purpose) {
        private static final java.util.Set<String> BASES = java.util.Set.of("OWNER", "COLLABORATION",
                "COORDINATION", "RECORD_LINKING");

        /** The message key of the basis, or null for one the console has no text for (then shown as it is). */
        public String basisKey() {
            return basis != null && BASES.contains(basis) ? "basis_" + basis : null;
        }
    }

    public record MatchReason(String code, Double similarity, Integer years, String identifierType) {
    }

    /** A possible match: which agency holds the other record, how strong and why; nothing of the record itself. */
    public record MatchSuggestion(UUID id, String status, double score, List<MatchReason> reasons,
                                  String otherAgency, OffsetDateTime suggestedAt, OffsetDateTime decidedAt,
                                  String decidedByAgency, UUID linkId) {
        /** The score in percent. */
        public long percent() {
            return Math.round(score * 100);
        }
    }
}
