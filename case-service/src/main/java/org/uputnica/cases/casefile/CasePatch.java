package org.uputnica.cases.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A change to a case: what is left out stays as it is. */
public record CasePatch(@Size(min = 1, max = 10) List<CaseCategory> categories,
                        @Size(max = 100) String responsibleUser, @Size(max = 100) String supervisorUser,
                        @Valid RiskInput risk) {
}
