package org.uputnica.cases.linking;

import org.uputnica.cases.person.Identifier;
import org.uputnica.cases.person.IdentifierType;
import org.uputnica.cases.person.Names;
import org.uputnica.cases.person.Person;
import org.uputnica.cases.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What matching compares of a person: the folded words of each of their names, the birth (exact date, or the year
 * an estimated age gives), sex and identifiers. Nothing of it leaves the case-service.
 *
 * @param names       each name (given and family, then each other name) as folded words
 * @param dateOfBirth the exact date, when known
 * @param birthYear   the exact or estimated birth year, null when neither is known
 */
record MatchProfile(List<List<String>> names, LocalDate dateOfBirth, Integer birthYear, Sex sex,
                    Set<IdentifierKey> identifiers) {

    /** An identifier as matched: type and normalised value (the issuer may be written differently). */
    record IdentifierKey(IdentifierType type, String value) {
    }

    static MatchProfile of(Person p) {
        List<String> written = new ArrayList<>();
        written.add(p.givenName + " " + p.familyName);
        written.addAll(p.otherNames == null ? List.of() : p.otherNames);
        Set<IdentifierKey> ids = new LinkedHashSet<>();
        for (Identifier id : p.identifiers == null ? List.<Identifier>of() : p.identifiers) {
            Identifier n = id.normalised();
            ids.add(new IdentifierKey(n.type(), n.value()));
        }
        return new MatchProfile(foldedNames(written), p.dateOfBirth, p.birthYear(), p.sex, ids);
    }

    /** The names as written, each {@link Names#key keyed} and {@link NameFolding#fold folded} into words. */
    static List<List<String>> foldedNames(List<String> written) {
        List<List<String>> names = new ArrayList<>();
        for (String name : written) {
            List<String> tokens = NameFolding.tokens(NameFolding.fold(Names.key(name)));
            if (!tokens.isEmpty() && !names.contains(tokens)) {
                names.add(tokens);
            }
        }
        return names;
    }

    /** The distinct folded names, one string each, as the database's trigram index compares them. */
    List<String> foldedNameStrings() {
        return names.stream().map(words -> String.join(" ", words)).toList();
    }

    boolean sexKnown() {
        return sex != null && sex != Sex.UNKNOWN;
    }

    Set<String> jmbgs() {
        Set<String> values = new LinkedHashSet<>();
        identifiers.stream().filter(i -> i.type() == IdentifierType.JMBG).forEach(i -> values.add(i.value()));
        return values;
    }
}
