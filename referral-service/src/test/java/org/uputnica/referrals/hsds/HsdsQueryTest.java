package org.uputnica.referrals.hsds;

import org.junit.jupiter.api.Test;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HsdsQueryTest {

    static HsdsQuery parse(String search, String term, String organization, String municipality, String modifiedAfter,
                           String page, String perPage) {
        return HsdsQuery.parse(new HsdsQuery.Raw(search, term, null, organization, municipality, modifiedAfter, page,
                perPage));
    }

    @Test
    void absentOrEmptyParametersGiveTheFirstPageOfFifty() {
        HsdsQuery q = parse(null, "", " ", null, null, "", null);
        assertEquals(1, q.page());
        assertEquals(HsdsQuery.DEFAULT_PER_PAGE, q.perPage());
        assertNull(q.taxonomyTerm());
        assertNull(q.organizationId());
    }

    @Test
    void textIsFoldedLikeMunicipalityNamesAndDatesAreDayStartsInUtc() {
        HsdsQuery q = parse("Šid", null, null, "Кикинда", "2026-03-01", "2", "10");
        assertEquals("sid", q.search());
        assertEquals("kikinda", q.municipality());
        assertEquals(OffsetDateTime.parse("2026-03-01T00:00:00Z"), q.modifiedAfter());
        assertEquals(2, q.page());
        assertEquals(10, q.perPage());
        UUID org = UUID.randomUUID();
        assertEquals(org, parse(null, null, org.toString(), null, null, null, null).organizationId());
    }

    @Test
    void everyBadValueIsNamedInOne400() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse("x".repeat(201), null, "kirs", null, "yesterday", "0", "201"));
        assertEquals(400, e.status());
        List<String> fields = e.toProblem("/hsds/services").errors().stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("search", "organization_id", "modified_after", "page", "per_page"), fields);
        for (String perPage : List.of("-1", "abc", "1.5", "99999999999")) {
            assertThrows(ProblemException.class, () -> parse(null, null, null, null, null, null, perPage), perPage);
        }
    }
}
