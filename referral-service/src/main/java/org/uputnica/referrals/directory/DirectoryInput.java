package org.uputnica.referrals.directory;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.referrals.referral.ServiceType;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * Request bodies of the directory API. Checks that bean validation cannot express (list entries, language codes,
 * ages and hours in order, vacancies within capacity) are made by {@link Directory} and name the field the same way.
 */
public final class DirectoryInput {
    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private DirectoryInput() {
    }

    /** A service as its agency describes it (POST creates, PUT replaces all of it but the capacity). */
    @Schema(name = "DirectoryServiceInput")
    public record Service(
            @NotNull ServiceType category,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 4000) String description,
            @Valid Eligibility eligibility,
            @Schema(description = "ISO 639 codes of the languages the staff speak (not through interpreters)",
                    example = "[\"sr\", \"hu\", \"rom\"]")
            List<String> languages,
            @Schema(description = "interpreters can be arranged for other languages; false when absent")
            Boolean interpretationAvailable,
            @Valid Location location,
            @Schema(description = "municipalities the service covers besides its location's", example = "[\"Kikinda\", \"Čoka\"]")
            List<String> serviceAreas,
            @Valid Contact contact,
            List<@Valid OpeningHours> schedules,
            @Schema(description = "only when creating a service that has places; later changes go to PUT .../{id}/capacity")
            @Valid Capacity capacity,
            @Schema(description = "ACTIVE when creating; unchanged by a PUT without it")
            ServiceStatus status) {
    }

    /** Who may use the service. Absent ages mean no limit, an empty legalStatuses no restriction. */
    @Schema(name = "EligibilityInput")
    public record Eligibility(
            @Min(0) @Max(120) Integer minAge,
            @Min(0) @Max(120) Integer maxAge,
            @Schema(description = "ANY when absent") EligibleSex sex,
            List<LegalStatus> legalStatuses,
            @Size(max = 2000) String description) {
    }

    /** Where the service is given (HSDS location with one physical address). */
    @Schema(name = "ServiceLocation")
    public record Location(
            @Size(max = 300) String name,
            @NotBlank @Size(max = 500) String address,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String municipality,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @Schema(name = "ServiceContact")
    public record Contact(
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = "\\+?[0-9 ()/-]{3,40}", message = "must be a phone number such as +381 230 000 100")
            String phone) {
    }

    /** Opening hours on one weekday, local time; 00:00 to 23:59 is day and night. */
    @Schema(name = "OpeningHours")
    public record OpeningHours(
            @NotNull DayOfWeek weekday,
            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(implementation = String.class, pattern = HH_MM, example = "08:00")
            LocalTime opensAt,
            @NotNull @JsonFormat(pattern = "HH:mm") @Schema(implementation = String.class, pattern = HH_MM, example = "16:00")
            LocalTime closesAt) {
    }

    /** The places of a service: in all, free now, and people waiting. vacancies may not exceed capacity. */
    @Schema(name = "CapacityInput")
    public record Capacity(
            @NotNull @Min(0) @Max(100_000) Integer capacity,
            @NotNull @Min(0) @Max(100_000) Integer vacancies,
            @NotNull @Min(0) @Max(100_000) Integer waitlist) {
    }
}
