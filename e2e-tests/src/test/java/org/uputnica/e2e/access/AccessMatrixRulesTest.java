package org.uputnica.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix's own machinery, without servers: the table reads as meant, and the leak check sees leaks. */
class AccessMatrixRulesTest {

    @Test
    void theTableReadsAndNoOperationIsOpenWithoutAToken() {
        AccessTable table = AccessTable.load(AccessMatrixIT.TABLE);
        assertFalse(table.rows.isEmpty());
        for (AccessTable.Row row : table.rows) {
            assertTrue(row.allowed().get(Persona.ANONYMOUS).isEmpty(), row.label() + " must not be open to anonymous callers");
        }
        AccessTable.Row caseRead = table.rows.stream().filter(r -> r.label().equals("case GET /api/v1/cases/{id}"))
                .findFirst().orElseThrow();
        assertTrue(caseRead.allows(Persona.CASEWORKER, "own"));
        assertFalse(caseRead.allows(Persona.CASEWORKER, "receiver"));
    }

    @Test
    void aSituationTheResourceDoesNotHaveIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AccessTable.load("/access-selftest/typo.csv"));
        assertTrue(e.getMessage().contains("'recever' is not a situation of case"), e.getMessage());
    }

    @Test
    void personalDataIsForTheOwnerAgencysPractitionersOnly() {
        Secrets secrets = new Secrets();
        secrets.person("csr-kikinda", "person", "GivenX1");
        String body = "{\"person\": {\"givenName\": \"GivenX1\"}}";
        assertEquals(List.of(), secrets.leakedTo(Persona.CASEWORKER, body));
        assertEquals(List.of(), secrets.leakedTo(Persona.SUPERVISOR, body));
        assertEquals(1, secrets.leakedTo(Persona.COORDINATOR, body).size()); // same agency, not a practitioner
        assertEquals(1, secrets.leakedTo(Persona.AGENCY_ADMIN, body).size());
        assertEquals(1, secrets.leakedTo(Persona.NO_AGENCY, body).size());
        assertEquals(1, secrets.anyIn(body).size());
    }

    @Test
    void aReasonIsForTheReferralsPartiesAndADraftForItsSenderOnly() {
        Secrets secrets = new Secrets();
        secrets.reason("sent reason", "sent", List.of(new Secrets.Parties("iom-serbia", "csr-kikinda",
                "kikinda-child-protection", false)));
        secrets.reason("draft reason", "draft", List.of(new Secrets.Parties("iom-serbia", "csr-kikinda", null, true)));
        String body = "sent reason, draft reason";
        assertEquals(1, secrets.leakedTo(Persona.CASEWORKER, body).size()); // the receiver does not see the draft
        assertEquals(1, secrets.leakedTo(Persona.COORDINATOR, body).size()); // the coordinator neither
        assertEquals(2, secrets.leakedTo(Persona.AGENCY_ADMIN, body).size()); // udruzenje-rod is no party
        assertEquals(List.of(Secrets.Kind.REASON), secrets.rightfullySeenBy(Persona.CASEWORKER, body));
    }
}
