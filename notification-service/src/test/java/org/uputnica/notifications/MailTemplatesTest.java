package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.notifications.digest.DigestMail;
import org.uputnica.notifications.email.MailTexts;
import org.uputnica.notifications.email.NoticeMail;
import org.uputnica.notifications.language.Language;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every e-mail template (notice, digest) in all four languages, rendered by the service's own Qute engine. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class MailTemplatesTest {
    static final UUID REFERRAL = UUID.fromString("3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T13:05:00Z");
    static final String LINK = "http://localhost:8084/referrals/" + REFERRAL;

    @Inject
    MailTexts texts;

    static NoticeMail mail(NoticeKind kind, boolean emergency, long waitingHours) {
        return new NoticeMail(kind, NoticeMail.reference(REFERRAL), LINK, emergency, AT, waitingHours);
    }

    MailTexts.Text render(Language language, NoticeMail mail) {
        return texts.render("notice", language, Map.of("mail", mail));
    }

    @Test
    void everyNoticeKindRendersInEveryLanguageWithItsOwnWords() {
        for (Language language : Language.values()) {
            Set<String> subjects = new HashSet<>();
            for (NoticeKind kind : NoticeKind.values()) {
                MailTexts.Text text = render(language, mail(kind, false, -1));
                String where = language.tag() + " " + kind;
                assertTrue(text.subject().contains("UP-3F1C9A52"), where + ": " + text.subject());
                assertFalse(text.subject().contains("\n"), where);
                assertTrue(text.body().contains(LINK), where);
                assertTrue(text.body().contains("UP-3F1C9A52"), where);
                assertFalse(text.body().contains("{") || text.body().contains("}"), where + ": " + text.body());
                assertFalse(text.body().startsWith("\n"), where);
                subjects.add(text.subject());
            }
            assertEquals(NoticeKind.values().length, subjects.size(), language.tag() + ": each kind says something else");
        }
    }

    @Test
    void aReceivedReferralInEachLanguage() {
        assertEquals(new MailTexts.Text("Nova uputnica UP-3F1C9A52", """
                Vašoj ustanovi je upućena uputnica UP-3F1C9A52.
                Vreme: 23. novembar 2026. u 14:05

                Otvorite uputnicu (potrebna je prijava):
                http://localhost:8084/referrals/3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11

                Ova poruka namerno ne sadrži lične podatke. Ne odgovarajte na nju.
                Uputnica
                """), render(Language.SR_LATN, mail(NoticeKind.REFERRAL_RECEIVED, false, -1)));
        assertEquals(new MailTexts.Text("Нова упутница UP-3F1C9A52", """
                Вашој установи је упућена упутница UP-3F1C9A52.
                Време: 23. новембар 2026. у 14:05

                Отворите упутницу (потребна је пријава):
                http://localhost:8084/referrals/3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11

                Ова порука намерно не садржи личне податке. Не одговарајте на њу.
                Упутница
                """), render(Language.SR_CYRL, mail(NoticeKind.REFERRAL_RECEIVED, false, -1)));
        MailTexts.Text bosnian = render(Language.BS, mail(NoticeKind.REFERRAL_FORWARDED, false, -1));
        assertEquals("Uputnica UP-3F1C9A52 je proslijeđena", bosnian.subject());
        assertTrue(bosnian.body().contains("Vrijeme: 23. novembar 2026. u 14:05"), bosnian.body());
        MailTexts.Text english = render(Language.EN, mail(NoticeKind.REFERRAL_RECEIVED, false, -1));
        assertEquals("New referral UP-3F1C9A52", english.subject());
        assertTrue(english.body().contains("Time: 23 November 2026 at 14:05"), english.body());
    }

    @Test
    void aWithdrawnConsentInEachLanguageSaysOnlyWhatHappenedWithTheReferenceAndTheLink() {
        MailTexts.Text latin = render(Language.SR_LATN, mail(NoticeKind.REFERRAL_SHARING_REVOKED, false, -1));
        assertEquals("Povučen je pristanak za uputnicu UP-3F1C9A52", latin.subject());
        assertEquals("""
                Povučen je pristanak na osnovu kojeg su uputnicom UP-3F1C9A52 podeljeni podaci. Ustanova primalac više ne
                sme da koristi podatke koji su joj dostavljeni; sama uputnica ostaje otvorena.
                Vreme: 23. novembar 2026. u 14:05

                Otvorite uputnicu (potrebna je prijava):
                http://localhost:8084/referrals/3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11

                Ova poruka namerno ne sadrži lične podatke. Ne odgovarajte na nju.
                Uputnica
                """, latin.body());
        MailTexts.Text cyrillic = render(Language.SR_CYRL, mail(NoticeKind.REFERRAL_SHARING_REVOKED, false, -1));
        assertEquals("Повучен је пристанак за упутницу UP-3F1C9A52", cyrillic.subject());
        assertTrue(cyrillic.body().startsWith("Повучен је пристанак на основу којег су упутницом UP-3F1C9A52 подељени "
                + "подаци. Установа прималац више не\nсме да користи податке"), cyrillic.body());
        MailTexts.Text bosnian = render(Language.BS, mail(NoticeKind.REFERRAL_SHARING_REVOKED, false, -1));
        assertEquals("Povučen je pristanak za uputnicu UP-3F1C9A52", bosnian.subject());
        assertTrue(bosnian.body().contains("podijeljeni podaci. Ustanova primalac više ne\nsmije koristiti podatke"),
                bosnian.body());
        MailTexts.Text english = render(Language.EN, mail(NoticeKind.REFERRAL_SHARING_REVOKED, false, -1));
        assertEquals("Referral UP-3F1C9A52: consent withdrawn", english.subject());
        assertTrue(english.body().startsWith("The consent under which referral UP-3F1C9A52 shared data has been "
                + "withdrawn. The receiving agency may no\nlonger use the data shared with it"), english.body());
        assertEquals("HITNO: Povučen je pristanak za uputnicu UP-3F1C9A52",
                render(Language.SR_LATN, mail(NoticeKind.REFERRAL_SHARING_REVOKED, true, -1)).subject());
    }

    @Test
    void anEmergencySaysSoFirst() {
        assertEquals("HITNO: Nova uputnica UP-3F1C9A52",
                render(Language.SR_LATN, mail(NoticeKind.REFERRAL_RECEIVED, true, -1)).subject());
        assertEquals("ХИТНО: Нова упутница UP-3F1C9A52",
                render(Language.SR_CYRL, mail(NoticeKind.REFERRAL_RECEIVED, true, -1)).subject());
        assertEquals("EMERGENCY: New referral UP-3F1C9A52",
                render(Language.EN, mail(NoticeKind.REFERRAL_RECEIVED, true, -1)).subject());
        assertTrue(render(Language.BS, mail(NoticeKind.REFERRAL_RECEIVED, true, -1)).body().startsWith("HITNO\n"));
    }

    @Test
    void howLongAReferralWaitedIsCountedInTheLanguagesPluralForms() {
        assertWaits(Language.SR_LATN, 1, "Uputnica čeka 1 sat od slanja.");
        assertWaits(Language.SR_LATN, 3, "Uputnica čeka 3 sata od slanja.");
        assertWaits(Language.SR_LATN, 11, "Uputnica čeka 11 sati od slanja.");
        assertWaits(Language.SR_LATN, 21, "Uputnica čeka 21 sat od slanja.");
        assertWaits(Language.SR_LATN, 26, "Uputnica čeka 26 sati od slanja.");
        assertWaits(Language.SR_LATN, 24 * 5, "Uputnica čeka 5 dana od slanja.");
        assertWaits(Language.SR_LATN, 24 * 21, "Uputnica čeka 21 dan od slanja.");
        assertWaits(Language.SR_CYRL, 22, "Упутница чека 22 сата од слања.");
        assertWaits(Language.SR_CYRL, 24 * 2, "Упутница чека 2 дана од слања.");
        assertWaits(Language.BS, 24, "Uputnica čeka 24 sata od slanja.");
        assertWaits(Language.BS, 24 * 31, "Uputnica čeka 31 dan od slanja.");
        assertWaits(Language.EN, 1, "It has been waiting 1 hour since it was sent.");
        assertWaits(Language.EN, 24 * 21, "It has been waiting 21 days since it was sent.");
    }

    @Test
    void theDigestRendersInEveryLanguageCountingInItsForms() {
        DigestMail day = new DigestMail("kikinda-child-protection", java.time.LocalDate.of(2026, 11, 23), 1, 3, 5,
                List.of(new DigestMail.Reference("UP-3F1C9A52", LINK, false), new DigestMail.Reference("UP-0B1C2D3E", LINK, true)));
        MailTexts.Text latin = texts.render("digest", Language.SR_LATN, Map.of("digest", day));
        assertEquals("Dnevni pregled radne grupe kikinda-child-protection: 23. novembar 2026.", latin.subject());
        assertEquals("""
                Pregled radne grupe kikinda-child-protection za 23. novembar 2026.

                1 nova uputnica
                3 uputnice sa isteklim rokom
                5 eskaliranih uputnica

                Traže vašu pažnju (potrebna je prijava):
                UP-3F1C9A52: http://localhost:8084/referrals/3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11
                UP-0B1C2D3E (eskalirana): http://localhost:8084/referrals/3f1c9a52-6a0e-4c1b-9a7e-0d5b2f8e4c11

                Ova poruka namerno ne sadrži lične podatke. Ne odgovarajte na nju.
                Uputnica
                """, latin.body());
        MailTexts.Text cyrillic = texts.render("digest", Language.SR_CYRL, Map.of("digest", day));
        assertEquals("Дневни преглед радне групе kikinda-child-protection: 23. новембар 2026.", cyrillic.subject());
        assertTrue(cyrillic.body().contains("1 нова упутница\n3 упутнице са истеклим роком\n5 ескалираних упутница"), cyrillic.body());
        MailTexts.Text bosnian = texts.render("digest", Language.BS, Map.of("digest",
                new DigestMail("bijeljina-child-protection", java.time.LocalDate.of(2026, 7, 1), 21, 12, 22, List.of())));
        assertEquals("Dnevni pregled radne grupe bijeljina-child-protection: 1. juli 2026.", bosnian.subject());
        assertTrue(bosnian.body().contains("21 nova uputnica\n12 uputnica s isteklim rokom\n22 eskalirane uputnice\n\nOva"),
                bosnian.body());
        MailTexts.Text english = texts.render("digest", Language.EN, Map.of("digest", day));
        assertEquals("Daily digest of working group kikinda-child-protection: 23 November 2026", english.subject());
        assertTrue(english.body().contains("1 new referral\n3 overdue referrals\n5 escalated referrals"), english.body());
        assertTrue(english.body().contains("UP-0B1C2D3E (escalated): "), english.body());
    }

    void assertWaits(Language language, long hours, String sentence) {
        String body = render(language, mail(NoticeKind.REFERRAL_OVERDUE, false, hours)).body();
        assertTrue(body.contains(sentence), language.tag() + " " + hours + "h: " + body);
    }
}
