package org.uputnica.referrals.consent;

import org.uputnica.events.SharedData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a consent allows, and the rule a referral sent under it must meet. A pure function of the terms, the
 * referral and the day, so each condition can be tested on its own.
 *
 * @param toAgency     the agency it names, or null when it names a kind of agency
 * @param toAgencyKind a directory kind of agency ({@code agency.kind}, e.g. ngo), when no single agency is named
 * @param data         the kinds of data it allows to share, in the order the case-service gave them
 * @param validUntil   the last day it holds (inclusive); null for no end
 */
public record ConsentTerms(UUID consentId, UUID caseId, String toAgency, String toAgencyKind, List<SharedData> data,
                           LocalDate validFrom, LocalDate validUntil, OffsetDateTime withdrawnAt) {

    public ConsentTerms {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * The kinds of data named by codes from outside (an event, the case-service's answer, a stored row). Both
     * services share {@link SharedData}, so an unknown code means the other side runs a newer contract: refused
     * rather than dropped, because a consent read as allowing less than it does would wrongly block referrals.
     *
     * @throws IllegalArgumentException naming the first unknown code
     */
    public static List<SharedData> kindsOf(Collection<String> codes) {
        if (codes == null) {
            return List.of();
        }
        List<SharedData> kinds = new ArrayList<>(codes.size());
        for (String code : codes) {
            try {
                kinds.add(SharedData.valueOf(code));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown kind of shared data: " + code, e);
            }
        }
        return kinds;
    }

    /**
     * Why a referral of {@code caseId} to {@code receiver} (of directory kind {@code receiverKind}) sharing
     * {@code shared} cannot be sent under this consent on {@code day}; empty when it can. A consent of another case
     * is not looked at further.
     */
    public List<String> failures(UUID caseId, String receiver, String receiverKind, Collection<SharedData> shared,
                                 LocalDate day) {
        List<String> failures = new ArrayList<>();
        if (!this.caseId.equals(caseId)) {
            failures.add("consent " + consentId + " belongs to another case");
            return failures;
        }
        if (withdrawnAt != null) {
            failures.add("consent " + consentId + " was withdrawn on " + withdrawnAt.toLocalDate());
        }
        if (!names(receiver, receiverKind)) {
            failures.add("consent " + consentId + " does not name the receiving agency " + receiver
                    + (receiverKind == null ? "" : " nor its kind " + receiverKind)
                    + " (it names " + (toAgency != null ? "agency " + toAgency : "kind " + toAgencyKind) + ")");
        }
        if (validFrom != null && day.isBefore(validFrom)) {
            failures.add("consent " + consentId + " is valid only from " + validFrom + " (today is " + day + ")");
        }
        if (validUntil != null && day.isAfter(validUntil)) {
            failures.add("consent " + consentId + " expired on " + validUntil + " (today is " + day + ")");
        }
        List<String> uncovered = shared.stream().filter(kind -> !data.contains(kind)).map(Enum::name).sorted().toList();
        if (!uncovered.isEmpty()) {
            failures.add("consent " + consentId + " does not cover the shared data " + String.join(", ", uncovered)
                    + " (it covers " + (data.isEmpty() ? "nothing" : String.join(", ", data.stream().map(Enum::name)
                    .sorted().toList())) + ")");
        }
        return failures;
    }

    private boolean names(String receiver, String receiverKind) {
        if (toAgency != null) {
            return toAgency.equals(receiver);
        }
        return toAgencyKind != null && receiverKind != null && kind(toAgencyKind).equals(kind(receiverKind));
    }

    /** Kinds compare without regard to case or separators: NGO = ngo, SOCIAL_WELFARE_CENTRE = social-welfare-centre. */
    static String kind(String kind) {
        return kind.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }
}
