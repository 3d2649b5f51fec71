package org.uputnica.identity;

import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

/** A valid token that does not name exactly one agency: every action in Uputnica is taken for an agency. */
public class NoAgencyException extends ProblemException {
    public static final String TYPE = ProblemType.of("no-agency");

    public NoAgencyException(String detail) {
        super(403, TYPE, "No agency in token", detail);
    }
}
