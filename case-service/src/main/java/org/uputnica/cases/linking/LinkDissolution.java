package org.uputnica.cases.linking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Dissolving a link: why, as a code for both agencies, and a note kept for the dissolving agency. */
public record LinkDissolution(@NotNull DissolutionReason reason, @Size(max = 1000) String note) {
}
