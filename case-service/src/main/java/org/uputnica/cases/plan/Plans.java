package org.uputnica.cases.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The case plan of the owner agency: goals and tasks. */
@ApplicationScoped
public class Plans {

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    Clock clock;

    @Transactional
    public PlanView read(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        audit.record(caller, access, AccessAudit.Action.READ, "case plan read");
        return view(caseId);
    }

    @Transactional
    public PlanView addGoal(Caller caller, UUID caseId, PlanInputs.NewGoal in) {
        CaseAccess access = writable(caller, caseId);
        CaseGoal goal = new CaseGoal();
        goal.id = UUID.randomUUID();
        goal.caseId = caseId;
        goal.title = in.title().strip();
        goal.status = CaseGoal.Status.OPEN;
        goal.createdAt = OffsetDateTime.now(clock);
        goal.createdBy = caller.username();
        goal.persist();
        audit.record(caller, access, AccessAudit.Action.UPDATE, "goal " + goal.id + " added");
        return view(caseId);
    }

    @Transactional
    public PlanView changeGoal(Caller caller, UUID caseId, UUID goalId, PlanInputs.GoalChange in) {
        CaseAccess access = writable(caller, caseId);
        CaseGoal goal = goal(caseId, goalId);
        if (in.title() != null) {
            goal.title = in.title().strip();
        }
        if (in.status() != null) {
            goal.status = in.status();
        }
        audit.record(caller, access, AccessAudit.Action.UPDATE, "goal " + goal.id + " changed");
        return view(caseId);
    }

    @Transactional
    public PlanView addTask(Caller caller, UUID caseId, UUID goalId, PlanInputs.NewTask in) {
        CaseAccess access = writable(caller, caseId);
        CaseGoal goal = goal(caseId, goalId);
        CaseTask task = new CaseTask();
        task.id = UUID.randomUUID();
        task.goalId = goal.id;
        task.caseId = caseId;
        task.title = in.title().strip();
        task.responsibleAgency = in.responsibleAgency() == null ? caller.agency() : in.responsibleAgency().strip();
        task.responsibleUser = in.responsibleUser();
        task.dueOn = in.dueOn();
        task.status = CaseTask.Status.OPEN;
        task.createdAt = OffsetDateTime.now(clock);
        task.persist();
        audit.record(caller, access, AccessAudit.Action.UPDATE, "task " + task.id + " added");
        return view(caseId);
    }

    @Transactional
    public PlanView changeTask(Caller caller, UUID caseId, UUID taskId, PlanInputs.TaskChange in) {
        CaseAccess access = writable(caller, caseId);
        CaseTask task = CaseTask.findById(taskId);
        if (task == null || !task.caseId.equals(caseId)) {
            throw ProblemException.notFound("no task " + taskId + " in case " + caseId);
        }
        if (in.title() != null) {
            task.title = in.title().strip();
        }
        if (in.responsibleAgency() != null) {
            task.responsibleAgency = in.responsibleAgency().strip();
        }
        if (in.responsibleUser() != null) {
            task.responsibleUser = in.responsibleUser().strip();
        }
        if (in.dueOn() != null) {
            task.dueOn = in.dueOn();
        }
        if (in.status() != null && in.status() != task.status) {
            task.status = in.status();
            task.doneAt = in.status() == CaseTask.Status.DONE ? OffsetDateTime.now(clock) : null;
        }
        audit.record(caller, access, AccessAudit.Action.UPDATE, "task " + task.id + " changed");
        return view(caseId);
    }

    private CaseAccess writable(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        if (access.caseFile().anonymisedAt != null) {
            throw ProblemException.conflict(CaseProblems.CASE_ANONYMISED, "the case was anonymised");
        }
        return access;
    }

    private static CaseGoal goal(UUID caseId, UUID goalId) {
        CaseGoal goal = CaseGoal.findById(goalId);
        if (goal == null || !goal.caseId.equals(caseId)) {
            throw ProblemException.notFound("no goal " + goalId + " in case " + caseId);
        }
        return goal;
    }

    private static PlanView view(UUID caseId) {
        CaseGoal.getEntityManager().flush();
        return PlanView.of(caseId);
    }
}
