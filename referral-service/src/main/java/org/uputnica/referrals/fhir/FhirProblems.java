package org.uputnica.referrals.fhir;

import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.List;

/** The facade's own problems, besides those of the referral pipeline (which keep their types and statuses). */
final class FhirProblems {
    /** 400: the body is not a FHIR R4 JSON resource, or not of the type the interaction takes. */
    static final String MALFORMED = ProblemType.of("fhir-malformed");
    /** 422: a well-formed resource that breaks a rule of the facade: a missing element, an unknown code. */
    static final String UNPROCESSABLE = ProblemType.of("fhir-unprocessable");

    private FhirProblems() {
    }

    static ProblemException malformed(String detail) {
        return new ProblemException(400, MALFORMED, "Malformed FHIR resource", detail);
    }

    /** {@code expression} is the FHIRPath of the element at fault, e.g. {@code Task.statusReason}. */
    static ProblemException unprocessable(String expression, String message) {
        return new ProblemException(422, UNPROCESSABLE, "Unprocessable FHIR resource", expression + ": " + message,
                List.of(new Problem.FieldError(expression, message)));
    }
}
