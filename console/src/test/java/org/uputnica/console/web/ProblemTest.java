package org.uputnica.console.web;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an API's problem+json becomes a message beside a form. */
class ProblemTest {

    @Test
    void aKnownTypeHasItsOwnMessageAndOthersTheGeneralOne() {
        assertEquals("problem_no_sharing_basis",
                new Problem("urn:uputnica:problem:no-sharing-basis", null, 409, null, List.of()).key());
        assertEquals("problem_generic", new Problem("urn:uputnica:problem:something-new", null, 409, null, List.of()).key());
        assertEquals("problem_generic", new Problem(null, null, 400, null, List.of()).key());
    }

    @Test
    void fieldErrorsAreKeyedByTheFieldsLastName() {
        Problem p = new Problem("urn:uputnica:problem:validation", null, 400, null,
                List.of(new Problem.FieldError("person.givenName", "must not be blank")));
        assertEquals(Map.of("givenName", "must not be blank"), p.fields());
    }

    @Test
    void anUnreachableKeycloakIsA503() {
        assertTrue(KeycloakDown.keycloakUnreachable(new RuntimeException(new ConnectException("refused"))));
        assertFalse(KeycloakDown.keycloakUnreachable(new IllegalStateException("a bug")));
    }
}
