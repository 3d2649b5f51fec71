package org.uputnica.cases.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The person as a caseworker enters them. The date of birth may be unknown (a migrant child without papers). */
public record PersonInput(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth,
        @NotNull Sex sex) {
}
