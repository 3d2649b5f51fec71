package org.uputnica.cases.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A number that identifies the person: JMBG, an asylum or registration number, a passport. */
@ValidIdentifier
public record Identifier(@NotNull IdentifierType type, @NotBlank @Size(max = 60) String value,
                         @Size(max = 100) String issuer) {
    /** Without spaces or dashes, as people write them: what is stored and matched. */
    public Identifier normalised() {
        return new Identifier(type, value.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT), issuer);
    }
}
