package org.uputnica.cases.casefile;

import org.uputnica.cases.person.Sex;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case as its owner agency sees it. */
public record CaseView(UUID id, String reference, CaseCategory category, String ownerAgency, OffsetDateTime createdAt,
                       PersonView person) {

    public record PersonView(UUID id, String givenName, String familyName, LocalDate dateOfBirth, Sex sex) {
    }

    static CaseView of(CaseFile c) {
        var p = c.person;
        return new CaseView(c.id, c.reference, c.category, c.ownerAgency, c.createdAt,
                new PersonView(p.id, p.givenName, p.familyName, p.dateOfBirth, p.sex));
    }
}
