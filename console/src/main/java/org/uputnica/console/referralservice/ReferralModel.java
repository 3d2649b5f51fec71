package org.uputnica.console.referralservice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parts of the referral-service's representations the console shows (unknown fields are ignored). */
public final class ReferralModel {
    private ReferralModel() {
    }

    public record Referral(UUID id, UUID caseId, String kind, String fromAgency, String toAgency, String service,
                           String urgency, String reason, String status, Sharing sharing, String declineCode,
                           String declineNote, String outcome, String outcomeNote, String holdReason,
                           String withdrawReason, UUID forwardedFrom, UUID forwardedTo, String workingGroup,
                           OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime acknowledgedAt,
                           OffsetDateTime answeredAt, OffsetDateTime updatedAt, long version, boolean withheld,
                           List<String> allowedActions) {
        /** The reference printed on the form and shown to people: the first block of the id. */
        public String reference() {
            return "UP-" + id.toString().substring(0, 8).toUpperCase();
        }

        public boolean allows(String action) {
            return allowedActions != null && allowedActions.contains(action);
        }
    }

    public record Sharing(String basis, UUID consentId, String consentReference, String legalBasis, List<String> data,
                          OffsetDateTime revokedAt) {
    }

    public record HistoryEntry(OffsetDateTime at, String fromStatus, String toStatus, String actor,
                               String actorAgency, String reasonCode, String note) {
    }

    public record Deadline(String kind, String state, OffsetDateTime dueAt, OffsetDateTime metAt, String late) {
    }

    public record Page(List<Referral> items, int page, int size, long total) {
        public int pages() {
            return size == 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
        }

        public int number() {
            return page + 1;
        }

        public int previous() {
            return Math.max(0, page - 1);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    public record Agency(String alias, String name, String country) {
    }

    public record AgencyRef(String alias, String name, String municipality) {
    }

    public record Capacity(int capacity, int vacancies, int waitlist, OffsetDateTime updatedAt) {
    }

    public record Location(String municipality, String address) {
    }

    public record DirectoryService(UUID id, AgencyRef agency, String category, String name, String description,
                                   List<String> languages, Location location, Capacity capacity) {
    }

    public record DirectoryPage(List<DirectoryService> items, int page, int size, long total) {
    }

    public record AgencyFigures(String agency, long received, long acknowledged, long accepted, long declined,
                                long completed, long open, Double medianHoursToAcknowledge,
                                Double p90HoursToAcknowledge, Double medianHoursToAnswer, Double p90HoursToAnswer) {
        /** Hours with one decimal, or a dash when there is no figure yet. */
        public String hours(String which) {
            Double h = switch (which) {
                case "medianAck" -> medianHoursToAcknowledge;
                case "p90Ack" -> p90HoursToAcknowledge;
                case "medianAnswer" -> medianHoursToAnswer;
                default -> p90HoursToAnswer;
            };
            return h == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", h);
        }
    }

    public record Statistics(String workingGroup, OffsetDateTime from, OffsetDateTime to, long referrals,
                             Map<String, Long> byStatus, Map<String, Long> byService, Map<String, Long> byUrgency,
                             List<AgencyFigures> agencies) {
    }

    public record Overdue(UUID referralId, String fromAgency, String toAgency, String service, String urgency,
                          String status, String deadline, String state, OffsetDateTime dueAt, String late) {
    }

    public record OverduePage(String workingGroup, List<Overdue> items, int page, int size, long total) {
    }
}
