package org.uputnica.referrals.directory;

import org.junit.jupiter.api.Test;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.referrals.referral.ServiceType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchCriteriaTest {

    static SearchCriteria.Raw raw(String category, String municipality, String language, String age, String sex,
                                  String legalStatus, String hasVacancy, String agency, String page, String size) {
        return new SearchCriteria.Raw(category, municipality, language, age, sex, legalStatus, hasVacancy, agency, page,
                size);
    }

    @Test
    void parsesEveryFilterCaseInsensitively() {
        SearchCriteria c = SearchCriteria.parse(raw("shelter", "Кикинда", "FA", "16", "male", "asylum_seeker", "TRUE",
                "kirs", "2", "10"));
        assertEquals(new SearchCriteria(ServiceType.SHELTER, "kikinda", "fa", 16, "MALE", LegalStatus.ASYLUM_SEEKER,
                true, "kirs", 2, 10), c);
    }

    @Test
    void absentAndEmptyParametersAreNoFilter() {
        SearchCriteria c = SearchCriteria.parse(raw(null, "", " ", null, "", null, "", null, null, ""));
        assertNull(c.category());
        assertNull(c.municipalityKey());
        assertNull(c.language());
        assertNull(c.hasVacancy());
        assertEquals(0, c.page());
        assertEquals(50, c.size());
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class, () -> SearchCriteria.parse(raw("SPA", "x".repeat(101),
                "farsi", "-1", "BOTH", "TOURIST", "yes", "Not An Alias", "first", "201")));
        Problem p = e.toProblem("/api/v1/directory/services");
        assertEquals(400, p.status());
        assertEquals("urn:uputnica:problem:validation", p.type());
        assertEquals(List.of("category", "municipality", "language", "age", "sex", "legalStatus", "hasVacancy", "agency",
                "page", "size"), p.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void ageAndSizeHaveBounds() {
        assertEquals(0, SearchCriteria.parse(raw(null, null, null, "0", null, null, null, null, null, "1")).age());
        assertEquals(120, SearchCriteria.parse(raw(null, null, null, "120", null, null, null, null, null, "200")).age());
        assertThrows(ProblemException.class,
                () -> SearchCriteria.parse(raw(null, null, null, "121", null, null, null, null, null, null)));
        assertThrows(ProblemException.class,
                () -> SearchCriteria.parse(raw(null, null, null, null, null, null, null, null, null, "0")));
        assertEquals("sr-latn", SearchCriteria.parse(raw(null, null, "sr-Latn", null, null, null, null, null, null,
                null)).language());
    }
}
