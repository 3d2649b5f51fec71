package org.uputnica.cases.casefile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseStepTest {

    @Test
    void everyOpenStepCanCloseAndOnlyASupervisorReopens() {
        for (CaseStep step : CaseStep.values()) {
            if (step != CaseStep.CLOSED) {
                assertTrue(step.canMoveTo(CaseStep.CLOSED), step + " can close");
                assertFalse(step.needsSupervisorToMoveTo(CaseStep.CLOSED));
            }
        }
        assertTrue(CaseStep.CLOSED.canMoveTo(CaseStep.ASSESSMENT));
        assertTrue(CaseStep.CLOSED.needsSupervisorToMoveTo(CaseStep.ASSESSMENT));
        assertFalse(CaseStep.CLOSED.canMoveTo(CaseStep.CLOSED));
    }

    @Test
    void stepsGoForwardOneAtATimeAndAReviewMayGoBack() {
        assertEquals(java.util.EnumSet.of(CaseStep.ASSESSMENT, CaseStep.CLOSED), CaseStep.INTAKE.next());
        assertFalse(CaseStep.INTAKE.canMoveTo(CaseStep.PLANNING));
        assertFalse(CaseStep.IMPLEMENTATION.canMoveTo(CaseStep.PLANNING));
        assertTrue(CaseStep.REVIEW.canMoveTo(CaseStep.PLANNING));
        assertTrue(CaseStep.REVIEW.canMoveTo(CaseStep.IMPLEMENTATION));
        assertFalse(CaseStep.ASSESSMENT.canMoveTo(CaseStep.INTAKE));
    }
}
