package org.uputnica.cases.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The guardian the guardianship authority (a CSR) appointed for an unaccompanied or separated child. */
public record Guardian(@NotBlank @Size(max = 200) String name, @Size(max = 100) String agency,
                       @PastOrPresent(message = "must not be in the future") LocalDate appointedOn,
                       @Size(max = 100) String decisionReference, @Size(max = 300) String contact) {
}
