package org.uputnica.cases.linking;

import org.junit.jupiter.api.Test;
import org.uputnica.cases.person.Identifier;
import org.uputnica.cases.person.IdentifierType;
import org.uputnica.cases.person.Person;
import org.uputnica.cases.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring alone: names across scripts and spellings, birth, sex and identifiers (no server needed). */
class RecordLinkingScoringTest {
    static final double MIN_SCORE = 0.85;
    static final LocalDate ESTIMATED_ON = LocalDate.of(2026, 11, 20);
    final MatchScorer scorer = new MatchScorer(2);

    /** A person as a caseworker would enter them; dateOfBirth or an estimated age (on ESTIMATED_ON). */
    static Person person(String given, String family, LocalDate dateOfBirth, Integer estimatedAge, Sex sex,
                         Identifier... identifiers) {
        Person p = new Person();
        p.givenName = given;
        p.familyName = family;
        p.dateOfBirth = dateOfBirth;
        p.estimatedAge = estimatedAge;
        p.ageEstimatedOn = estimatedAge == null ? null : ESTIMATED_ON;
        p.sex = sex;
        p.identifiers = new ArrayList<>(List.of(identifiers));
        return p;
    }

    Optional<MatchScorer.Match> score(Person a, Person b) {
        Optional<MatchScorer.Match> ab = scorer.score(MatchProfile.of(a), MatchProfile.of(b));
        assertEquals(ab, scorer.score(MatchProfile.of(b), MatchProfile.of(a)), "the same in either order");
        return ab;
    }

    static List<MatchReason.Code> codes(MatchScorer.Match m) {
        return m.reasons().stream().map(MatchReason::code).toList();
    }

    @Test
    void foldingMakesTheUsualSpellingsOfOneNameAlike() {
        assertEquals("muhamad", NameFolding.fold("mohammad"));
        assertEquals("muhamad", NameFolding.fold("muhammad"));
        assertEquals("halid", NameFolding.fold("khalid"));
        assertEquals("amir", NameFolding.fold("ameer"));
        assertEquals("hasan", NameFolding.fold("hassan"));
        assertEquals("jusuf", NameFolding.fold("yusuf"));
        assertEquals("jusef", NameFolding.fold("youssef"));
        assertEquals("fateme", NameFolding.fold("fatemeh"));
        assertEquals("abdula", NameFolding.fold("abdullah"));
        assertEquals("jamal", NameFolding.fold("dzamal"), "Serbian Džamal is English Jamal");
        assertEquals("ali|sirin gulam", NameFolding.fold("aly|shirin ghulam"), "names stay apart, words too");
    }

    @Test
    void cyrillicAndLatinSpellingsWithTheSameDateOfBirthAreACertainMatch() {
        LocalDate born = LocalDate.of(2012, 4, 9);
        MatchScorer.Match m = score(person("Ђорђе", "Јовановић", born, null, Sex.MALE),
                person("Djordje", "Jovanovic", born, null, Sex.MALE)).orElseThrow();
        assertEquals(1.0, m.score());
        assertEquals(List.of(MatchReason.Code.NAME_SIMILAR, MatchReason.Code.SAME_DATE_OF_BIRTH, MatchReason.Code.SAME_SEX),
                codes(m));
        assertEquals(1.0, m.reasons().get(0).similarity());
    }

    @Test
    void arabicDerivedSpellingsWithAnEstimatedAgeMatchTheDateOfBirth() {
        // estimated 14 on 2026-11-20: born about 2012; the other agency recorded a date in 2011
        MatchScorer.Match m = score(person("Mohammad", "Rahimi", null, 14, Sex.MALE),
                person("Muhamed", "Rahimi", LocalDate.of(2011, 6, 1), null, Sex.MALE)).orElseThrow();
        assertTrue(m.score() >= MIN_SCORE, "suggested: " + m);
        assertEquals(List.of(MatchReason.Code.NAME_SIMILAR, MatchReason.Code.BIRTH_YEAR_WITHIN, MatchReason.Code.SAME_SEX),
                codes(m));
        assertEquals(1, m.reasons().get(1).years());
    }

    @Test
    void theOrderOfTheNamesDoesNotMatter() {
        Person a = person("Rahimi", "Mohammad", null, 14, Sex.MALE);
        Person b = person("Mohammad", "Rahimi", null, 14, Sex.MALE);
        assertEquals(1.0, score(a, b).orElseThrow().reasons().get(0).similarity());
    }

    @Test
    void transliterationVariantsOfPersianAndArabicNamesMatch() {
        assertSuggested(person("Khalid", "Yousef", null, 15, Sex.MALE), person("Halid", "Jusuf", null, 15, Sex.MALE));
        assertSuggested(person("Fatemeh", "Hosseini", null, 12, Sex.FEMALE), person("Fateme", "Huseini", null, 12, Sex.FEMALE));
        assertSuggested(person("Ameer", "Sultani", null, 16, Sex.MALE), person("Amir", "Soltani", null, 16, Sex.MALE));
        assertSuggested(person("Alireza", "Ahmadi", null, 16, Sex.MALE), person("Ali Reza", "Ahmadi", null, 16, Sex.MALE));
    }

    @Test
    void aNameThatDiffersInTwoVowelsNeedsTheSameDateOfBirth() {
        // Persian Fatemeh, Arabic Fatima: e/i and e/a are not folded, they would make Marko and Mirko one name
        LocalDate born = LocalDate.of(2014, 2, 1);
        assertNotSuggested(person("Fatemeh", "Hosseini", null, 12, Sex.FEMALE), person("Fatima", "Huseini", null, 12, Sex.FEMALE));
        assertSuggested(person("Fatemeh", "Hosseini", born, null, Sex.FEMALE), person("Fatima", "Huseini", born, null, Sex.FEMALE));
    }

    @Test
    void aSharedCommonGivenNameIsNotEnough() {
        Person rahimi = person("Mohammad", "Rahimi", null, 14, Sex.MALE);
        assertNotSuggested(rahimi, person("Mohammad", "Ahmadi", null, 14, Sex.MALE));
        assertNotSuggested(rahimi, person("Reza", "Ahmadi", null, 14, Sex.MALE));
        assertNotSuggested(person("Marko", "Petrović", null, 10, Sex.MALE), person("Marko", "Jovanović", null, 10, Sex.MALE));
    }

    @Test
    void aNicknameAloneDoesNotPairWithAFullName() {
        Person withNickname = person("Amir", "Karimi", null, 14, Sex.MALE);
        withNickname.otherNames = List.of("Ami");
        Person other = person("Ami", "Jafari", null, 14, Sex.MALE);
        assertNotSuggested(withNickname, other);
    }

    @Test
    void differentSexesOrBirthYearsTooFarApartRuleAMatchOutButUnknownOnesDoNot() {
        assertTrue(score(person("Sara", "Hamidi", null, 10, Sex.FEMALE), person("Sara", "Hamidi", null, 10, Sex.MALE)).isEmpty());
        assertTrue(score(person("Sara", "Hamidi", null, 10, Sex.FEMALE), person("Sara", "Hamidi", null, 13, Sex.FEMALE)).isEmpty());
        MatchScorer.Match unknown = score(person("Sara", "Hamidi", null, 10, Sex.FEMALE),
                person("Sara", "Hamidi", null, null, Sex.UNKNOWN)).orElseThrow();
        assertEquals(1.0 - MatchScorer.UNKNOWN_BIRTH - MatchScorer.UNKNOWN_SEX, unknown.score(), 1e-9);
        assertEquals(List.of(MatchReason.Code.NAME_SIMILAR), codes(unknown));
    }

    @Test
    void twoExactDatesThatDifferCountAgainstTheMatch() {
        MatchScorer.Match sameDay = score(person("Ana", "Nikolić", LocalDate.of(2014, 3, 3), null, Sex.FEMALE),
                person("Ana", "Nikolic", LocalDate.of(2014, 3, 3), null, Sex.FEMALE)).orElseThrow();
        MatchScorer.Match otherDay = score(person("Ana", "Nikolić", LocalDate.of(2014, 3, 3), null, Sex.FEMALE),
                person("Ana", "Nikolic", LocalDate.of(2014, 8, 3), null, Sex.FEMALE)).orElseThrow();
        assertEquals(1.0, sameDay.score());
        assertEquals(1.0 - MatchScorer.DIFFERENT_DATES, otherDay.score(), 1e-9);
    }

    @Test
    void theSameIdentifierIsAStrongMatchOnItsOwn() {
        Identifier jmbg = new Identifier(IdentifierType.JMBG, "0105016800011", null);
        MatchScorer.Match m = score(person("Dejan", "Jovanović", LocalDate.of(2016, 5, 1), null, Sex.MALE, jmbg),
                person("Stefan", "Marković", null, 9, Sex.UNKNOWN,
                        new Identifier(IdentifierType.JMBG, "0105016-800011", "MUP"))).orElseThrow();
        assertEquals(MatchScorer.SAME_IDENTIFIER_SCORE, m.score());
        assertEquals(MatchReason.Code.SAME_IDENTIFIER, m.reasons().get(0).code());
        assertEquals(IdentifierType.JMBG, m.reasons().get(0).identifierType());
    }

    @Test
    void twoDifferentJmbgsAreTwoPeopleHoweverAlikeTheNames() {
        LocalDate born = LocalDate.of(2016, 5, 1);
        assertTrue(score(person("Dejan", "Jovanović", born, null, Sex.MALE, new Identifier(IdentifierType.JMBG, "0105016800011", null)),
                person("Dejan", "Jovanović", born, null, Sex.MALE, new Identifier(IdentifierType.JMBG, "0105016800020", null)))
                .isEmpty());
    }

    private void assertSuggested(Person a, Person b) {
        MatchScorer.Match m = score(a, b).orElseThrow();
        assertTrue(m.score() >= MIN_SCORE, a.givenName + " " + a.familyName + " ~ " + b.givenName + " " + b.familyName + ": " + m);
    }

    private void assertNotSuggested(Person a, Person b) {
        Optional<MatchScorer.Match> m = score(a, b);
        assertTrue(m.isEmpty() || m.get().score() < MIN_SCORE,
                a.givenName + " " + a.familyName + " ~ " + b.givenName + " " + b.familyName + ": " + m);
    }
}
