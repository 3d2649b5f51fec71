package org.uputnica.referrals.referral;

import org.junit.jupiter.api.Test;
import org.uputnica.events.SharedData;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        return assertThrows(ProblemException.class, () -> SharingPolicy.require(caller, kind, sharing))
                .toProblem("/").type();
    }

    @Test
    void consentIsSharedUnderItsRecordNeverUnderAFreeTextReferenceAlone() {
        assertDoesNotThrow(() -> SharingPolicy.require(CASEWORKER, ReferralKind.REFERRAL, record(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED,
                refusal(CASEWORKER, ReferralKind.REFERRAL, referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED,
                refusal(SUPERVISOR, ReferralKind.REFERRAL, referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(ReferralWorkflow.NO_SHARING_BASIS, refusal(CASEWORKER, ReferralKind.REFERRAL, null));
        assertEquals(ReferralWorkflow.SUPERVISOR_APPROVAL,
                refusal(CASEWORKER, ReferralKind.REFERRAL, legal(Set.of(SharedData.IDENTITY))));
    }

    @Test
    void aTransferIsSentByASupervisorAndDisclosesTheWholeFileUnderARecordOrALegalBasis() {
        assertEquals(ReferralWorkflow.SUPERVISOR_APPROVAL, refusal(CASEWORKER, ReferralKind.TRANSFER, record(ALL)));
        assertEquals(ReferralWorkflow.SUPERVISOR_APPROVAL, refusal(CASEWORKER, ReferralKind.TRANSFER,
                referenceOnly(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.CONSENT_RECORD_REQUIRED, refusal(SUPERVISOR, ReferralKind.TRANSFER, referenceOnly(ALL)));
        assertEquals(SharingPolicy.TRANSFER_NEEDS_WHOLE_FILE,
                refusal(SUPERVISOR, ReferralKind.TRANSFER, record(Set.of(SharedData.IDENTITY))));
        assertEquals(SharingPolicy.TRANSFER_NEEDS_WHOLE_FILE,
                refusal(SUPERVISOR, ReferralKind.TRANSFER, legal(EnumSet.complementOf(EnumSet.of(SharedData.HEALTH)))));
        assertDoesNotThrow(() -> SharingPolicy.require(SUPERVISOR, ReferralKind.TRANSFER, record(ALL)));
        assertDoesNotThrow(() -> SharingPolicy.require(SUPERVISOR, ReferralKind.TRANSFER, legal(ALL)));
    }
}
