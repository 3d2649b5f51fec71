package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.uputnica.referrals.referral.ActOnReferral.Details;
import org.uputnica.referrals.referral.DeclineReason;
import org.uputnica.referrals.referral.Outcome;
import org.uputnica.referrals.referral.ReferralAction;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.ReferralView;

/**
 * What a Task sent back with a PUT asks of the referral, as in Gravity's closed loop, where the owner moves the Task's
 * status: accepted, rejected (with a coded statusReason), in-progress, on-hold, completed (with an outcome in output);
 * the requester cancels. Only status, businessStatus, statusReason, output and owner are read; the other elements are
 * the referral's and stay as they are. Who may make the change, from which status and at which version is then
 * decided by {@code ActOnReferral}, exactly as for the REST actions.
 *
 * @param action null when the Task asks for no change (the same status again)
 */
record TaskChange(ReferralAction action, Details details) {

    static TaskChange of(ReferralView current, Task wanted) {
        if (!wanted.hasStatus()) {
            throw FhirProblems.unprocessable("Task.status", "is required");
        }
        String owner = ReferralBundle.agency(wanted.getOwner(), "Task.owner");
        if (owner != null && !owner.equals(current.toAgency())) {
            return new TaskChange(ReferralAction.FORWARD, new Details(null, reasonText(wanted, "a forward"), null,
                    owner, null));
        }
        Task.TaskStatus status = wanted.getStatus();
        ReferralStatus business = ReferralBundle.code(wanted.getBusinessStatus(), FhirCodes.REFERRAL_STATUS,
                ReferralStatus.class, "Task.businessStatus", false);
        if (status == FhirCodes.taskStatus(current.status())
                && (business == null || business == current.status())) {
            return new TaskChange(null, Details.none());
        }
        return switch (status) {
            case REQUESTED -> requested(business);
            case ACCEPTED -> new TaskChange(ReferralAction.ACCEPT, Details.none());
            case REJECTED -> {
                DeclineReason code = ReferralBundle.code(wanted.getStatusReason(), FhirCodes.DECLINE_REASON,
                        DeclineReason.class, "Task.statusReason", true);
                String note = wanted.getStatusReason().getText();
                if (note != null && note.length() > 4000) {
                    throw FhirProblems.unprocessable("Task.statusReason.text", "is at most 4000 characters");
                }
                yield new TaskChange(ReferralAction.DECLINE, new Details(code,
                        note == null || note.isBlank() ? code.name() : note.strip(), null, null, null));
            }
            case INPROGRESS -> new TaskChange(ReferralAction.START, Details.none());
            case ONHOLD -> new TaskChange(ReferralAction.HOLD, Details.note(reasonText(wanted, "a hold")));
            case COMPLETED -> completed(wanted);
            case CANCELLED -> new TaskChange(ReferralAction.WITHDRAW, Details.note(reasonText(wanted,
                    "a cancellation")));
            default -> throw FhirProblems.unprocessable("Task.status", "'" + status.toCode() + "' is not a status "
                    + "a referral Task moves to here: accepted, rejected, in-progress, on-hold, completed, cancelled, "
                    + "or requested with businessStatus ACKNOWLEDGED or ESCALATED");
        };
    }

    /** A Task still requested: acknowledging it (receiver) or escalating it (coordinator), told by businessStatus. */
    private static TaskChange requested(ReferralStatus business) {
        if (business == ReferralStatus.ACKNOWLEDGED) {
            return new TaskChange(ReferralAction.ACKNOWLEDGE, Details.none());
        }
        if (business == ReferralStatus.ESCALATED) {
            return new TaskChange(ReferralAction.ESCALATE, Details.none());
        }
        throw FhirProblems.unprocessable("Task.businessStatus", "a requested Task changes only to ACKNOWLEDGED or "
                + "ESCALATED (system " + FhirCodes.REFERRAL_STATUS + ")");
    }

    private static TaskChange completed(Task wanted) {
        for (Task.TaskOutputComponent output : wanted.getOutput()) {
            boolean isOutcome = output.getType().getCoding().stream().anyMatch(c ->
                    FhirCodes.TASK_OUTPUT.equals(c.getSystem()) && FhirCodes.OUTPUT_OUTCOME.equals(c.getCode()));
            if (isOutcome) {
                if (!(output.getValue() instanceof CodeableConcept value)) {
                    throw FhirProblems.unprocessable("Task.output.value", "the outcome is a CodeableConcept");
                }
                Outcome outcome = ReferralBundle.code(value, FhirCodes.OUTCOME, Outcome.class, "Task.output.value",
                        true);
                String note = value.getText();
                if (note != null && note.length() > 4000) {
                    throw FhirProblems.unprocessable("Task.output.value.text", "is at most 4000 characters");
                }
                return new TaskChange(ReferralAction.COMPLETE, new Details(null,
                        note == null || note.isBlank() ? null : note.strip(), outcome, null, null));
            }
        }
        throw FhirProblems.unprocessable("Task.output", "a completed Task gives its outcome: an output of type "
                + FhirCodes.TASK_OUTPUT + "#" + FhirCodes.OUTPUT_OUTCOME);
    }

    /** The free text the other side reads: statusReason.text, required for a hold, a cancellation and a forward. */
    private static String reasonText(Task wanted, String what) {
        String text = wanted.getStatusReason().getText();
        if (text == null || text.isBlank()) {
            throw FhirProblems.unprocessable("Task.statusReason.text", what + " says why, for the other agency");
        }
        if (text.length() > 4000) {
            throw FhirProblems.unprocessable("Task.statusReason.text", "is at most 4000 characters");
        }
        return text.strip();
    }
}
