package org.uputnica.cases.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A family member. {@code caseId} names another case of the same agency about that relative (a sibling's case),
 * when there is one.
 */
public record FamilyLink(@NotNull Relation relation, @NotBlank @Size(max = 200) String name,
                         @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth,
                         @Size(max = 300) String contact, @Size(max = 500) String whereabouts, UUID caseId) {
    public enum Relation { MOTHER, FATHER, PARENT, GUARDIAN, SIBLING, GRANDPARENT, OTHER_RELATIVE, SPOUSE, CHILD }
}
