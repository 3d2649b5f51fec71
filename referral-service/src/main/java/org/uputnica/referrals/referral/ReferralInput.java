package org.uputnica.referrals.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the referral API. */
public final class ReferralInput {
    private ReferralInput() {
    }

    /**
     * A referral to one agency. Without {@code draft: true} it is sent at once, which needs {@code sharing}.
     * {@code kind} TRANSFER asks the receiver to take over the case.
     */
    public record NewReferral(
            @NotNull UUID caseId,
            @NotBlank @Size(max = 100) String toAgency,
            @NotNull ServiceType service,
            @NotNull Urgency urgency,
            @NotBlank @Size(max = 4000) String reason,
            ReferralKind kind,
            @Valid Sharing sharing,
            Boolean draft) {
    }

    /**
     * One need sent to several candidate agencies at once: the first to accept wins. A consent record names one
     * agency (or a kind): {@code consentIds} gives each candidate its own, in place of {@code sharing.consentId}.
     */
    public record NewGroupReferral(
            @NotNull UUID caseId,
            @NotEmpty @Size(min = 2, max = 10) Set<@NotBlank String> toAgencies,
            @NotNull ServiceType service,
            @NotNull Urgency urgency,
            @NotBlank @Size(max = 4000) String reason,
            @Valid Sharing sharing,
            @Size(max = 10) Map<@NotBlank String, @NotNull UUID> consentIds) {

        /** The sharing of the referral to {@code target}: under its own consent record when one is given. */
        public Sharing sharingFor(String target) {
            if (sharing == null || consentIds == null || !consentIds.containsKey(target)) {
                return sharing;
            }
            return new Sharing(sharing.basis(), consentIds.get(target), sharing.consentReference(),
                    sharing.legalBasis(), sharing.data());
        }
    }

    /** Sending a draft: the sharing basis may be given now if the draft has none. */
    public record Send(@Valid Sharing sharing) {
    }

    public record Decline(DeclineReason reasonCode, @NotBlank @Size(max = 4000) String reason) {
    }

    public record Note(@Size(max = 4000) String note) {
    }

    /** Putting on hold and withdrawing need a reason the other side can read. */
    public record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    public record Complete(@NotNull Outcome outcome, @Size(max = 4000) String note) {
    }

    public record Forward(@NotBlank @Size(max = 100) String toAgency, @NotBlank @Size(max = 4000) String reason) {
    }
}
