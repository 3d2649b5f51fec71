package org.uputnica.cases.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move a case to another step; closing needs a {@code closureReason}. */
public record StepChange(@NotNull CaseStep step, ClosureReason closureReason, @Size(max = 2000) String note) {
}
