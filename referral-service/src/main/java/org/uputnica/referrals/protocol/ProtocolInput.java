package org.uputnica.referrals.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the protocol API. */
public final class ProtocolInput {
    private ProtocolInput() {
    }

    /**
     * A new version of a protocol. Everything is given again: a version is a whole, immutable configuration.
     * Deadlines left out (a whole urgency, or one period of it) take the inter-agency form's defaults.
     */
    public record NewVersion(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 4000) String description,
            @NotBlank @Schema(description = "The agency that leads work under the protocol", example = "csr-kikinda")
            String leadAgency,
            @Schema(description = "Agencies that must be told of a referral under the protocol")
            List<String> notifyAgencies,
            @Schema(description = "Which referrals it governs; only the default protocol has none")
            Scope scope,
            @Schema(description = "Deadlines per urgency (EMERGENCY, URGENT, ROUTINE) as ISO-8601 durations")
            Map<Urgency, Periods> deadlines,
            @Schema(description = "Kinds of data a referral under the protocol must share; checked when it is sent")
            Set<SharedData> requiredSharedData) {
    }

    /**
     * @param workingGroup the working group whose referrals (between two of its members) it governs
     * @param services     the services it governs; none for all
     */
    public record Scope(String workingGroup, Set<ServiceType> services) {
    }

    /** ISO-8601 durations: PT72H, P14D, P2W; months and years are refused. */
    public record Periods(
            @Schema(example = "PT24H") String acknowledge,
            @Schema(example = "PT48H") String respond,
            @Schema(example = "PT24H") String firstContact,
            @Schema(example = "PT24H") String escalateAfter) {
    }
}
