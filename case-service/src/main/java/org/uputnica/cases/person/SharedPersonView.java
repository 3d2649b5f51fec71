package org.uputnica.cases.person;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The person as a collaborating agency sees them: only the kinds of data the referral shared (codes of the
 * events module's SharedData); everything else is left out of the JSON. The identifiers (JMBG, passport) need
 * NATIONAL_ID: IDENTITY alone shows the names and sex.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedPersonView(UUID id, String givenName, String familyName, String nameLatin, String nameCyrillic,
                               List<String> otherNames, Sex sex, List<Identifier> identifiers,
                               LocalDate dateOfBirth, Integer estimatedAge, Integer birthYear,
                               List<Contact> contacts, List<String> languages, Boolean interpreterNeeded,
                               LegalStatus legalStatus, String nationality, List<FamilyLink> family,
                               Guardian guardian) {

    public static SharedPersonView of(Person p, Set<String> shared) {
        boolean identity = shared.contains("IDENTITY");
        boolean nationalId = shared.contains("NATIONAL_ID"); // JMBG and passport numbers are not part of IDENTITY
        boolean birth = shared.contains("DATE_OF_BIRTH");
        boolean contact = shared.contains("CONTACT");
        boolean language = shared.contains("LANGUAGE");
        boolean legal = shared.contains("LEGAL_STATUS");
        boolean familyShared = shared.contains("FAMILY");
        String name = p.givenName + " " + p.familyName;
        return new SharedPersonView(p.id,
                identity ? p.givenName : null, identity ? p.familyName : null,
                identity ? Names.latin(name) : null, identity ? Names.cyrillic(name) : null,
                identity ? List.copyOf(p.otherNames) : null, identity ? p.sex : null,
                nationalId ? List.copyOf(p.identifiers) : null,
                birth ? p.dateOfBirth : null, birth ? p.estimatedAge : null, birth ? p.birthYear() : null,
                contact ? List.copyOf(p.contacts) : null,
                language ? List.copyOf(p.languages) : null, language ? p.interpreterNeeded : null,
                legal ? p.legalStatus : null, legal ? p.nationality : null,
                familyShared ? List.copyOf(p.family) : null, familyShared ? p.guardian : null);
    }
}
