package org.uputnica.referrals.consent;

import org.junit.jupiter.api.Test;
import org.uputnica.events.SharedData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.events.SharedData.HEALTH;
import static org.uputnica.events.SharedData.IDENTITY;
import static org.uputnica.events.SharedData.LANGUAGE;

/** Each condition of a consent on its own; the HTTP tests (ConsentSharingTest) show them as 409s. */
class ConsentTermsTest {
    static final UUID CONSENT = UUID.fromString("0c6f1d2a-7b3e-4f8a-9c5d-1e2f3a4b5c6d");
    static final UUID CASE = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static ConsentTerms toRod(List<SharedData> data, LocalDate from, LocalDate until, OffsetDateTime withdrawn) {
        return new ConsentTerms(CONSENT, CASE, "udruzenje-rod", null, data, from, until, withdrawn);
    }

    static List<String> toRodSharing(ConsentTerms terms, SharedData... shared) {
        return terms.failures(CASE, "udruzenje-rod", "ngo", Set.of(shared), TODAY);
    }

    @Test
    void aConsentThatNamesTheReceiverCoversTheDataAndHoldsTodayAllowsTheSending() {
        ConsentTerms terms = toRod(List.of(IDENTITY, LANGUAGE), TODAY.minusDays(30), TODAY, null);
        assertEquals(List.of(), toRodSharing(terms, IDENTITY, LANGUAGE), "the last day is included");
        assertEquals(List.of(), toRodSharing(terms, LANGUAGE), "sharing less than allowed is fine");
        assertEquals(List.of(), toRodSharing(toRod(List.of(IDENTITY), TODAY, null, null), IDENTITY),
                "from today, without an end");
    }

    @Test
    void aConsentForAKindOfAgencyCoversEveryAgencyOfThatKindWhateverTheSpelling() {
        for (String kind : List.of("ngo", "NGO", " Ngo ")) {
            ConsentTerms terms = new ConsentTerms(CONSENT, CASE, null, kind, List.of(IDENTITY), TODAY, null, null);
            assertEquals(List.of(), terms.failures(CASE, "otaharin", "ngo", Set.of(IDENTITY), TODAY), kind);
            assertEquals(List.of("consent " + CONSENT + " does not name the receiving agency kirs nor its kind "
                            + "government-agency (it names kind " + kind + ")"),
                    terms.failures(CASE, "kirs", "government-agency", Set.of(IDENTITY), TODAY));
        }
        ConsentTerms centres = new ConsentTerms(CONSENT, CASE, null, "SOCIAL_WELFARE_CENTRE", List.of(IDENTITY),
                TODAY, null, null);
        assertEquals(List.of(), centres.failures(CASE, "csr-bijeljina", "social-welfare-centre", Set.of(IDENTITY), TODAY));
        assertEquals(1, centres.failures(CASE, "csr-bijeljina", null, Set.of(IDENTITY), TODAY).size(),
                "an agency without a kind in the directory is not of any kind");
    }

    @Test
    void eachConditionThatFailsIsNamed() {
        ConsentTerms terms = toRod(List.of(IDENTITY), TODAY.minusDays(30), TODAY.minusDays(1), null);
        assertEquals(List.of("consent " + CONSENT + " expired on 2026-11-22 (today is 2026-11-23)"),
                toRodSharing(terms, IDENTITY));
        assertEquals(List.of("consent " + CONSENT + " is valid only from 2026-11-24 (today is 2026-11-23)"),
                toRodSharing(toRod(List.of(IDENTITY), TODAY.plusDays(1), null, null), IDENTITY));
        assertEquals(List.of("consent " + CONSENT + " does not cover the shared data HEALTH, LANGUAGE (it covers IDENTITY)"),
                toRodSharing(toRod(List.of(IDENTITY), TODAY, null, null), IDENTITY, LANGUAGE, HEALTH));
        assertEquals(List.of("consent " + CONSENT + " was withdrawn on 2026-11-20"),
                toRodSharing(toRod(List.of(IDENTITY), TODAY.minusDays(30), null,
                        OffsetDateTime.parse("2026-11-20T10:00:00+01:00")), IDENTITY));
        assertEquals(List.of("consent " + CONSENT + " does not name the receiving agency iom-serbia nor its kind "
                        + "international-organisation (it names agency udruzenje-rod)"),
                toRod(List.of(IDENTITY), TODAY, null, null).failures(CASE, "iom-serbia", "international-organisation",
                        Set.of(IDENTITY), TODAY));

        List<String> all = toRod(List.of(), TODAY.plusDays(1), null, OffsetDateTime.parse("2026-11-20T10:00:00Z"))
                .failures(CASE, "kirs", "government-agency", Set.of(IDENTITY), TODAY);
        assertEquals(4, all.size(), "withdrawn, another agency, not yet valid, data not covered: " + all);
    }

    @Test
    void aConsentOfAnotherCaseIsNotLookedAtFurther() {
        List<String> failures = toRod(List.of(IDENTITY), TODAY, null, null)
                .failures(UUID.randomUUID(), "kirs", "government-agency", Set.of(HEALTH), TODAY);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).endsWith("belongs to another case"), failures.get(0));
    }

    @Test
    void codesFromOutsideBecomeKindsInTheirOrderAndAnUnknownCodeIsRefusedByName() {
        assertEquals(List.of(LANGUAGE, IDENTITY), ConsentTerms.kindsOf(List.of("LANGUAGE", "IDENTITY")));
        assertEquals(List.of(), ConsentTerms.kindsOf(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsentTerms.kindsOf(List.of("IDENTITY", "SHOE_SIZE")));
        assertEquals("unknown kind of shared data: SHOE_SIZE", e.getMessage());
    }
}
