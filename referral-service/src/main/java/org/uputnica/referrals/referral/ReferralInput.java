package org.uputnica.referrals.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Request bodies of the referral API. */
public final class ReferralInput {
    private ReferralInput() {
    }

    public record NewReferral(
            @NotNull UUID caseId,
            @NotBlank @Size(max = 100) String toAgency,
            @NotNull ServiceType service,
            @NotNull Urgency urgency,
            @NotBlank @Size(max = 4000) String reason) {
    }

    public record Decline(
            DeclineReason reasonCode,
            @NotBlank @Size(max = 4000) String reason) {
    }

    public record Note(@Size(max = 4000) String note) {
    }
}
