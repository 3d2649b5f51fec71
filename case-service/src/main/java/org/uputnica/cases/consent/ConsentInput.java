package org.uputnica.cases.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.uputnica.events.SharedData;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A consent as the caseworker records it. It names one agency ({@code toAgency}) or a kind of agency
 * ({@code toAgencyKind}, a directory kind such as {@code ngo}), never both.
 *
 * @param documentId the signed form, uploaded as a document of the case
 */
public record ConsentInput(
        @NotNull GivenBy givenBy,
        @NotBlank @Size(max = 200) String giverName,
        @NotBlank @Size(max = 1000) String purpose,
        @Size(max = 100) String toAgency,
        @Pattern(regexp = "[a-z][a-z-]{1,39}", message = "must be a directory kind such as ngo or social-welfare-centre")
        String toAgencyKind,
        @NotEmpty Set<@NotNull SharedData> data,
        @NotNull LocalDate validFrom,
        LocalDate validUntil,
        @NotNull Method method,
        @Size(max = 200) String witness,
        UUID documentId) {

    public enum GivenBy { PERSON, PARENT, GUARDIAN, LEGAL_REPRESENTATIVE }

    public enum Method { SIGNED_FORM, VERBAL_WITH_WITNESS, ELECTRONIC }
}
