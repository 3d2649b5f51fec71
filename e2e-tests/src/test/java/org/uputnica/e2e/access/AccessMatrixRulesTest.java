package org.uputnica.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
            if (AccessMatrixIT.isPublic(row.path())) {
                // the public HSDS API and FHIR metadata: everyone, without a token
                assertTrue(Arrays.stream(Persona.values()).allMatch(p -> !row.allowed().get(p).isEmpty()), row.label());
                continue;
            }
            assertTrue(row.allowed().get(Persona.ANONYMOUS).isEmpty(), row.label() + " must not be open to anonymous callers");
        }
        AccessTable.Row caseRead = table.rows.stream().filter(r -> r.label().equals("case GET /api/v1/cases/{id}"))
                .findFirst().orElseThrow();
        assertTrue(caseRead.allows(Persona.CASEWORKER, "own"));
        assertTrue(caseRead.allows(Persona.CASEWORKER, "receiver")); // accepted: what was shared
        assertFalse(caseRead.allows(Persona.CASEWORKER, "pending"));
    }

    /** The table itself keeps the rules of docs/architecture.md ("Case management and who sees a case"). */
    @Test
    void onlyTheOwnerAgencyWorksOnACaseAndACollaboratorReadsOnlyTheCase() {
        Set<String> idsOnly = Set.of("/api/v1/cases/{id}/ownership", "/api/v1/cases/{caseId}/consents/{consentId}/terms");
        for (AccessTable.Row row : AccessTable.load(AccessMatrixIT.TABLE).rows) {
            if (!row.service().equals(Fixtures.CASE) || !row.resource().situations.contains("receiver")
                    || idsOnly.contains(row.path())) {
                continue;
            }
            for (Persona p : List.of(Persona.CASEWORKER, Persona.SUPERVISOR, Persona.INTEGRATOR)) {
                Set<String> allowed = row.allowed().get(p);
                if (!row.method().equals("GET")) {
                    assertTrue(Set.of("own", "sender").containsAll(allowed), row.label() + ": only the owner changes a case");
                } else if (!row.path().equals("/api/v1/cases/{id}")) {
                    assertFalse(allowed.contains("receiver"), row.label() + ": a collaborator reads only the case itself");
                }
                assertFalse(allowed.contains("pending") || allowed.contains("group") || allowed.contains("foreign"),
                        row.label() + ": no practitioner reaches a case their agency neither owns nor collaborates on");
            }
        }
    }

    @Test
    void aVariantNamesItsOperationAndASituationTheRefusalPastTheAccessCheck() {
        AccessTable.Row forward = AccessTable.load(AccessMatrixIT.TABLE).rows.stream()
                .filter(r -> r.label().equals("referral POST /api/v1/referrals/{id}/forward#transfer")).findFirst().orElseThrow();
        assertEquals("referral POST /api/v1/referrals/{id}/forward", forward.operation());
        assertEquals("transfer", forward.variant());
        assertTrue(forward.allows(Persona.CASEWORKER, "receiver"));
        assertEquals("transfer-not-forwardable", forward.refusedAs(Persona.CASEWORKER, "receiver"));
        assertEquals(null, forward.refusedAs(Persona.CASEWORKER, "sender"));
        assertFalse(forward.allows(Persona.CASEWORKER, "sender"));
    }

    /** A token naming two agencies acts for neither: it gets no more than a token naming none. */
    @Test
    void aTokenOfTwoAgenciesIsAllowedNoMoreThanOneOfNone() {
        for (AccessTable.Row row : AccessTable.load(AccessMatrixIT.TABLE).rows) {
            assertTrue(row.allowed().get(Persona.NO_AGENCY).containsAll(row.allowed().get(Persona.TWO_AGENCIES)),
                    row.label());
        }
    }

    /**
     * An agency's integration may do what a caseworker of its agency may, and besides only keep the agency's webhooks,
     * read its agency's event feed and its agency's case figures: never a supervisor's, coordinator's or admin's right.
     */
    @Test
    void anIntegrationIsAllowedNoMoreThanACaseworkerBesidesWebhooksAndItsFigures() {
        for (AccessTable.Row row : AccessTable.load(AccessMatrixIT.TABLE).rows) {
            if (row.path().startsWith("/api/v1/webhooks") || row.path().startsWith("/api/v1/events")
                    || row.path().startsWith("/api/v1/cases/statistics")) {
                continue;
            }
            assertTrue(row.allowed().get(Persona.CASEWORKER).containsAll(row.allowed().get(Persona.INTEGRATOR)),
                    row.label());
        }
        AccessTable.Row foreignFigures = AccessTable.load(AccessMatrixIT.TABLE).rows.stream()
                .filter(r -> r.label().equals("case GET /api/v1/cases/statistics?agency={agency}")).findFirst().orElseThrow();
        assertFalse(foreignFigures.allows(Persona.INTEGRATOR, "foreign"));
    }

    @Test
    void anyInputOrStateRefusalIsNotADenial() {
        for (int status : new int[]{400, 409, 412}) {
            assertEquals(Verdict.REFUSED_PAST_CHECK, Verdict.of(status));
        }
        assertEquals(Verdict.DENIED, Verdict.of(404));
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
        secrets.caseData("csr-kikinda", "case").identity("GivenX1");
        String body = "{\"person\": {\"givenName\": \"GivenX1\"}}";
        assertEquals(List.of(), secrets.leakedTo(Persona.CASEWORKER, body));
        assertEquals(List.of(), secrets.leakedTo(Persona.SUPERVISOR, body));
        assertEquals(1, secrets.leakedTo(Persona.COORDINATOR, body).size()); // same agency, not a practitioner
        assertEquals(1, secrets.leakedTo(Persona.AGENCY_ADMIN, body).size());
        assertEquals(1, secrets.leakedTo(Persona.NO_AGENCY, body).size());
        assertEquals(1, secrets.anyIn(body).size());
    }

    @Test
    void aCollaboratorSeesTheSharedKindsOfDataAndNeverTheWorkingRecord() {
        Secrets secrets = new Secrets();
        Secrets.CaseData iomCase = secrets.caseData("iom-serbia", "case").identity("GivenY1").dateOfBirth("2009-09-09")
                .record("note", "Note Y1");
        String body = "GivenY1 2009-09-09 Note Y1";
        assertEquals(3, secrets.leakedTo(Persona.CASEWORKER, body).size());
        iomCase.sharedWith("csr-kikinda", List.of("IDENTITY", "LANGUAGE"));
        List<String> leaked = secrets.leakedTo(Persona.CASEWORKER, body);
        assertEquals(2, leaked.size(), leaked.toString());
        assertTrue(leaked.stream().noneMatch(l -> l.contains("GivenY1")), leaked.toString());
        assertEquals(List.of(Secrets.Kind.PERSON), secrets.rightfullySeenBy(Persona.SUPERVISOR, body));
        assertEquals(3, secrets.leakedTo(Persona.AGENCY_ADMIN, body).size()); // another agency than the one shared with
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
