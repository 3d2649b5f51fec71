package org.uputnica.referrals.referral;

import org.junit.jupiter.api.Test;
import org.uputnica.events.SharedData;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;

import org.uputnica.referrals.consent.ConsentTerms;
import org.uputnica.referrals.protocol.ProtocolTerms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharingPolicyTest {
    static final Caller CASEWORKER = new Caller("u1", "ana.csr", "csr-kikinda", Set.of("caseworker"));
    static final Caller SUPERVISOR = new Caller("u2", "milica.supervisor", "csr-kikinda", Set.of("supervisor", "caseworker"));
    static final Set<SharedData> ALL = EnumSet.allOf(SharedData.class);

    static Sharing record(Set<SharedData> data) {
        return new Sharing(Sharing.Basis.CONSENT, UUID.randomUUID(), null, null, data);
    }

    static Sharing referenceOnly(Set<SharedData> data) {
        return new Sharing(Sharing.Basis.CONSENT, null, "signed form, paper", null, data);
    }

    static Sharing legal(Set<SharedData> data) {
        return new Sharing(Sharing.Basis.LEGAL_BASIS, null, null, "Family Act, art. 132", data);
    }

    static String refusal(Caller caller, ReferralKind kind, Sharing sharing) {
        return assertThrows(ProblemException.class, () -> SharingPolicy.requireBasis(caller, kind, sharing))
                .toProblem("/").type();
    }

    @Test
    void consentIsSharedUnderItsRecordNeverUnderAFreeTextReferenceAlone() {
        assertDoesNotThrow(() -> SharingPolicy.requireBasis(CASEWORKER, ReferralKind.REFERRAL, record(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED,
                refusal(CASEWORKER, ReferralKind.REFERRAL, referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED,
                refusal(SUPERVISOR, ReferralKind.REFERRAL, referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.NO_SHARING_BASIS, refusal(CASEWORKER, ReferralKind.REFERRAL, null));
        assertEquals(SharingPolicy.SUPERVISOR_APPROVAL,
                refusal(CASEWORKER, ReferralKind.REFERRAL, legal(Set.of(SharedData.IDENTITY))));
    }

    @Test
    void aTransferIsSentByASupervisorAndDisclosesTheWholeFileUnderARecordOrALegalBasis() {
        assertEquals(SharingPolicy.SUPERVISOR_APPROVAL, refusal(CASEWORKER, ReferralKind.TRANSFER, record(ALL)));
        assertEquals(SharingPolicy.SUPERVISOR_APPROVAL, refusal(CASEWORKER, ReferralKind.TRANSFER,
                referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED, refusal(SUPERVISOR, ReferralKind.TRANSFER, referenceOnly(ALL)));
        assertEquals(SharingPolicy.TRANSFER_NEEDS_WHOLE_FILE,
                refusal(SUPERVISOR, ReferralKind.TRANSFER, record(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.TRANSFER_NEEDS_WHOLE_FILE,
                refusal(SUPERVISOR, ReferralKind.TRANSFER, legal(EnumSet.complementOf(EnumSet.of(SharedData.HEALTH)))));
        assertDoesNotThrow(() -> SharingPolicy.requireBasis(SUPERVISOR, ReferralKind.TRANSFER, record(ALL)));
        assertDoesNotThrow(() -> SharingPolicy.requireBasis(SUPERVISOR, ReferralKind.TRANSFER, legal(ALL)));
    }

    @Test
    void aLegalBasisIsNamed() {
        ProblemException e = assertThrows(ProblemException.class, () -> SharingPolicy.requireBasis(SUPERVISOR,
                ReferralKind.REFERRAL, new Sharing(Sharing.Basis.LEGAL_BASIS, null, null, "  ", Set.of(SharedData.IDENTITY))));
        assertEquals(400, e.status());
        assertEquals("sharing.legalBasis", e.toProblem("/").errors().get(0).field());
    }

    @Test
    void aTransferIsNeverForwardedNorAConsentWithoutItsRecord() {
        assertEquals(SharingPolicy.TRANSFER_NOT_FORWARDABLE,
                type(() -> SharingPolicy.requireForwardable(ReferralKind.TRANSFER)));
        assertDoesNotThrow(() -> SharingPolicy.requireForwardable(ReferralKind.REFERRAL));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED,
                type(() -> SharingPolicy.requireConsentRecord(referenceOnly(Set.of(SharedData.IDENTITY)))));
        assertDoesNotThrow(() -> SharingPolicy.requireConsentRecord(record(Set.of(SharedData.IDENTITY))));
        assertDoesNotThrow(() -> SharingPolicy.requireConsentRecord(legal(Set.of(SharedData.IDENTITY))));
    }

    static final UUID CASE = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static ConsentTerms consent(String toAgency, String toKind, LocalDate from, LocalDate until,
                                OffsetDateTime withdrawn, SharedData... data) {
        return new ConsentTerms(UUID.randomUUID(), CASE, toAgency, toKind, List.of(data), from, until, withdrawn);
    }

    static String consentRefusal(ConsentTerms terms, String receiver, String kind, Set<SharedData> shared) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SharingPolicy.requireConsentAllows(terms, CASE, receiver, kind, shared, TODAY));
        assertEquals(SharingPolicy.CONSENT_NOT_VALID, e.toProblem("/").type());
        return e.toProblem("/").detail();
    }

    @Test
    void aConsentRecordAllowsTheSendingOnlyToWhomItNamesForWhatItCoversWhileItHolds() {
        ConsentTerms toRod = consent("udruzenje-rod", null, TODAY, TODAY, null, SharedData.IDENTITY, SharedData.HEALTH);
        assertDoesNotThrow(() -> SharingPolicy.requireConsentAllows(toRod, CASE, "udruzenje-rod", "ngo",
                Set.of(SharedData.IDENTITY), TODAY));
        assertTrue(consentRefusal(toRod, "kirs", "government-agency", Set.of(SharedData.IDENTITY))
                .contains("does not name the receiving agency kirs"));
        assertTrue(consentRefusal(toRod, "udruzenje-rod", "ngo", Set.of(SharedData.CONTACT))
                .contains("does not cover the shared data CONTACT"));
        assertTrue(consentRefusal(consent("udruzenje-rod", null, TODAY.plusDays(1), null, null, SharedData.IDENTITY),
                "udruzenje-rod", "ngo", Set.of(SharedData.IDENTITY)).contains("valid only from"));
        assertTrue(consentRefusal(consent("udruzenje-rod", null, TODAY.minusDays(9), TODAY.minusDays(1), null,
                SharedData.IDENTITY), "udruzenje-rod", "ngo", Set.of(SharedData.IDENTITY)).contains("expired"));
        assertTrue(consentRefusal(consent("udruzenje-rod", null, TODAY, null, OffsetDateTime.now(),
                SharedData.IDENTITY), "udruzenje-rod", "ngo", Set.of(SharedData.IDENTITY)).contains("withdrawn"));
        ConsentTerms ngos = consent(null, "NGO", TODAY, null, null, SharedData.IDENTITY);
        assertDoesNotThrow(() -> SharingPolicy.requireConsentAllows(ngos, CASE, "udruzenje-rod", "ngo",
                Set.of(SharedData.IDENTITY), TODAY));
        assertTrue(consentRefusal(ngos, "kirs", "government-agency", Set.of(SharedData.IDENTITY))
                .contains("nor its kind government-agency"));
    }

    @Test
    void aConsentTheCaseServiceDoesNotKnowIsNotValid() {
        UUID id = UUID.randomUUID();
        assertEquals(SharingPolicy.CONSENT_NOT_VALID,
                type(() -> SharingPolicy.requireRecorded(Optional.empty(), id, CASE)));
        ConsentTerms known = consent("kirs", null, TODAY, null, null, SharedData.IDENTITY);
        assertEquals(known, SharingPolicy.requireRecorded(Optional.of(known), known.consentId(), CASE));
    }

    @Test
    void aReferralSharesAtLeastWhatItsProtocolRequires() {
        ProtocolTerms protocol = new ProtocolTerms("sop-children", 2, null, Set.of(),
                Set.of(SharedData.IDENTITY, SharedData.LANGUAGE), Map.of());
        ProblemException e = assertThrows(ProblemException.class,
                () -> SharingPolicy.requireProtocolData(protocol, legal(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.PROTOCOL_REQUIREMENTS_UNMET, e.toProblem("/").type());
        assertEquals("sharing.data", e.toProblem("/").errors().get(0).field());
        assertTrue(e.toProblem("/").detail().contains("[LANGUAGE]"));
        assertDoesNotThrow(() -> SharingPolicy.requireProtocolData(protocol,
                legal(Set.of(SharedData.IDENTITY, SharedData.LANGUAGE, SharedData.HEALTH))));
        assertDoesNotThrow(() -> SharingPolicy.requireProtocolData(new ProtocolTerms("national-default", 1, null,
                Set.of(), Set.of(), Map.of()), legal(Set.of(SharedData.IDENTITY))));
    }

    static String type(org.junit.jupiter.api.function.Executable rule) {
        return assertThrows(ProblemException.class, rule).toProblem("/").type();
    }
}
