package org.uputnica.cases.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The person as their own agency sees them, with the name in both Serbian scripts. */
public record PersonView(UUID id, String givenName, String familyName, String nameLatin, String nameCyrillic,
                         List<String> otherNames, LocalDate dateOfBirth, Integer estimatedAge, LocalDate ageEstimatedOn,
                         Integer birthYear, Sex sex, String nationality, List<String> languages,
                         boolean interpreterNeeded, LegalStatus legalStatus, List<Identifier> identifiers,
                         List<Contact> contacts, List<FamilyLink> family, Guardian guardian) {

    public static PersonView of(Person p) {
        String name = p.givenName + " " + p.familyName;
        return new PersonView(p.id, p.givenName, p.familyName, Names.latin(name), Names.cyrillic(name),
                List.copyOf(p.otherNames), p.dateOfBirth, p.estimatedAge, p.ageEstimatedOn, p.birthYear(), p.sex,
                p.nationality, List.copyOf(p.languages), p.interpreterNeeded, p.legalStatus,
                List.copyOf(p.identifiers), List.copyOf(p.contacts), List.copyOf(p.family), p.guardian);
    }
}
