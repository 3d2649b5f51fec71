package org.uputnica.cases.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The person as a caseworker enters them. The date of birth may be unknown (a migrant child without papers): then
 * an estimated age, as assessed on a day, stands in for it. Lists left out are empty.
 */
public record PersonInput(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> otherNames,
        @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth,
        @PositiveOrZero @Max(120) Integer estimatedAge,
        @PastOrPresent(message = "must not be in the future") LocalDate ageEstimatedOn,
        @NotNull Sex sex,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as RS, BA, AF, SY")
        String nationality,
        @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as sr, ar, ps, fa")
        String> languages,
        Boolean interpreterNeeded,
        LegalStatus legalStatus,
        @Size(max = 10) List<@NotNull @Valid Identifier> identifiers,
        @Size(max = 10) List<@NotNull @Valid Contact> contacts,
        @Size(max = 20) List<@NotNull @Valid FamilyLink> family,
        @Valid Guardian guardian) {

    public List<String> otherNamesOrEmpty() {
        return otherNames == null ? List.of() : otherNames;
    }
}
