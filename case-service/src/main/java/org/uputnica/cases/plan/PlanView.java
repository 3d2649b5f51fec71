package org.uputnica.cases.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The case plan: goals, each with its tasks. */
public record PlanView(UUID caseId, List<Goal> goals) {

    public static PlanView of(UUID caseId) {
        List<CaseTask> tasks = CaseTask.list("caseId = ?1 order by createdAt", caseId);
        List<Goal> goals = CaseGoal.<CaseGoal>list("caseId = ?1 order by createdAt", caseId).stream()
                .map(g -> new Goal(g.id, g.title, g.status, g.createdAt, g.createdBy,
                        tasks.stream().filter(t -> t.goalId.equals(g.id)).map(Task::of).toList()))
                .toList();
        return new PlanView(caseId, goals);
    }

    public record Goal(UUID id, String title, CaseGoal.Status status, OffsetDateTime createdAt, String createdBy,
                       List<Task> tasks) {
    }

    public record Task(UUID id, UUID goalId, String title, String responsibleAgency, String responsibleUser,
                       LocalDate dueOn, CaseTask.Status status, OffsetDateTime doneAt) {
        static Task of(CaseTask t) {
            return new Task(t.id, t.goalId, t.title, t.responsibleAgency, t.responsibleUser, t.dueOn, t.status, t.doneAt);
        }
    }
}
