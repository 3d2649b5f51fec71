package org.uputnica.cases.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.uputnica.cases.person.PersonInput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A case to open. {@code category} (one) and {@code categories} (several) may both be given; the first named is the
 * main category.
 */
@CategoryNamed
public record NewCase(@NotNull @Valid PersonInput person, CaseCategory category,
                      @Size(max = 10) List<@NotNull CaseCategory> categories,
                      @Size(max = 100) String responsibleUser, @Size(max = 100) String supervisorUser,
                      @Valid RiskInput risk) {

    public List<CaseCategory> allCategories() {
        LinkedHashSet<CaseCategory> all = new LinkedHashSet<>();
        if (category != null) {
            all.add(category);
        }
        if (categories != null) {
            all.addAll(categories);
        }
        return new ArrayList<>(all);
    }
}
