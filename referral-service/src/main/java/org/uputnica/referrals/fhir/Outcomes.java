package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemType;

import java.util.Map;

/**
 * A problem as an OperationOutcome: one issue per invalid element (or one for the whole request), its code from the
 * HTTP status, and the problem's stable type (docs/problems.md) as a coding, so an integrator branches on the same
 * types over FHIR as over the REST API.
 */
final class Outcomes {
    /** The REST input's field names as the FHIR elements they come from (docs/fhir.md). */
    private static final Map<String, String> ELEMENTS = Map.of(
            "caseId", "Patient.identifier",
            "toAgency", "Task.owner",
            "service", "ServiceRequest.code",
            "urgency", "ServiceRequest.priority",
            "reason", "ServiceRequest.reasonCode.text",
            "sharing", "ServiceRequest.supportingInfo",
            "sharing.data", "ServiceRequest.orderDetail",
            "sharing.consentId", "ServiceRequest.supportingInfo.identifier");

    private Outcomes() {
    }

    static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            issue(outcome, problem, problem.detail(), null);
        } else {
            for (Problem.FieldError error : problem.errors()) {
                issue(outcome, problem, error.field() + ": " + error.message(),
                        ELEMENTS.getOrDefault(error.field(), error.field()));
            }
        }
        return outcome;
    }

    private static void issue(OperationOutcome outcome, Problem problem, String diagnostics, String expression) {
        String slug = problem.type().startsWith(ProblemType.PREFIX)
                ? problem.type().substring(ProblemType.PREFIX.length()) : problem.type();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(code(problem.status()))
                .setDetails(new CodeableConcept(new Coding(FhirCodes.PROBLEM_SYSTEM, slug, problem.title()))
                        .setText(problem.type()))
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
    }

    private static IssueType code(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 415, 405, 406 -> IssueType.NOTSUPPORTED;
            case 422 -> IssueType.PROCESSING;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> IssueType.EXCEPTION;
        };
    }
}
