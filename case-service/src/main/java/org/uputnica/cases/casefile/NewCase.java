package org.uputnica.cases.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.uputnica.cases.person.PersonInput;

public record NewCase(@NotNull @Valid PersonInput person, @NotNull CaseCategory category) {
}
