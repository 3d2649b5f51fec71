package org.uputnica.cases.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A risk assessment: the level and why. */
public record RiskInput(@NotNull RiskLevel level, @NotBlank @Size(max = 2000) String reason) {
}
