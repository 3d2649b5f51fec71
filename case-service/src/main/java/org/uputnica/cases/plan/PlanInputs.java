package org.uputnica.cases.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What a caseworker sends to build the plan; in changes, what is left out stays as it is. */
public final class PlanInputs {
    private PlanInputs() {
    }

    public record NewGoal(@NotBlank @Size(max = 1000) String title) {
    }

    public record GoalChange(@Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title, CaseGoal.Status status) {
    }

    public record NewTask(@NotBlank @Size(max = 1000) String title, @Size(max = 100) String responsibleAgency,
                          @Size(max = 100) String responsibleUser, LocalDate dueOn) {
    }

    public record TaskChange(@Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title, @Size(max = 100) String responsibleAgency,
                             @Size(max = 100) String responsibleUser, LocalDate dueOn, CaseTask.Status status) {
    }
}
