package org.uputnica.referrals.referral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uputnica.identity.Caller;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle rules that do not need a server; LifecycleMatrixTest drives every one of them over HTTP. */
class ReferralActionTest {

    @Test
    void nothingLeadsOutOfATerminalStatus() {
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status.isTerminal()) {
                for (ReferralAction action : ReferralAction.values()) {
                    assertFalse(action.allowedFrom(status), action + " from terminal " + status);
                }
            }
        }
    }

    @Test
    void everyNonTerminalStatusHasAWayOut() {
        for (ReferralStatus status : ReferralStatus.values()) {
            if (!status.isTerminal()) {
                boolean out = false;
                for (ReferralAction action : ReferralAction.values()) {
                    out |= action.allowedFrom(status);
                }
                assertTrue(out, "no action leaves " + status);
            }
        }
    }

    @Test
    void theSenderCanWithdrawAnythingOpenButNeverAnswersItsOwnReferral() {
        for (ReferralAction answer : EnumSet.of(ReferralAction.ACKNOWLEDGE, ReferralAction.ACCEPT, ReferralAction.DECLINE,
                ReferralAction.START, ReferralAction.HOLD, ReferralAction.COMPLETE)) {
            assertFalse(answer.allowedFor(Set.of(Party.SENDER)), answer.name());
            assertTrue(answer.allowedFor(Set.of(Party.RECEIVER)), answer.name());
        }
        assertTrue(ReferralAction.WITHDRAW.allowedFor(Set.of(Party.SENDER)));
        assertFalse(ReferralAction.WITHDRAW.allowedFor(Set.of(Party.RECEIVER)));
    }

    @Test
    void theCoordinatorMayEscalateForwardAndWithdrawButNotAnswerForAnAgency() {
        Set<Party> coordinator = Set.of(Party.COORDINATOR);
        assertTrue(ReferralAction.ESCALATE.allowedFor(coordinator));
        assertTrue(ReferralAction.FORWARD.allowedFor(coordinator));
        assertTrue(ReferralAction.WITHDRAW.allowedFor(coordinator));
        assertFalse(ReferralAction.ACCEPT.allowedFor(coordinator));
        assertFalse(ReferralAction.DECLINE.allowedFor(coordinator));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "ana,      SENDER",
            "marko,    RECEIVER",
            "jelena,   COORDINATOR",
            "ivana,    ''",
            "analyst,  ''",
            "otherwg,  ''",
    })
    void theCapacitiesOfACaller(String who, String expected) {
        Referral r = new Referral();
        r.fromAgency = "csr-kikinda";
        r.toAgency = "udruzenje-rod";
        r.status = ReferralStatus.SENT;
        r.workingGroup = "kikinda-child-protection";
        Caller caller = switch (who) {
            case "ana" -> new Caller("1", "ana", "csr-kikinda", Set.of("caseworker"));
            case "marko" -> new Caller("2", "marko", "udruzenje-rod", Set.of("caseworker"));
            case "jelena" -> new Caller("3", "jelena", "csr-kikinda", Set.of("coordinator"),
                    Set.of("kikinda-child-protection"));
            case "ivana" -> new Caller("4", "ivana", "iom-serbia", Set.of("caseworker"));
            case "analyst" -> new Caller("5", "petar", "udruzenje-rod", Set.of("analyst"));
            default -> new Caller("6", "mirza", "csr-bijeljina", Set.of("coordinator"),
                    Set.of("bijeljina-child-protection"));
        };
        Set<Party> parties = Party.of(r, caller);
        assertEquals(expected.isEmpty() ? Set.of() : Set.of(Party.valueOf(expected)), parties);
    }

    @Test
    void aDraftIsTheSendersAlone() {
        Referral r = new Referral();
        r.fromAgency = "csr-kikinda";
        r.toAgency = "udruzenje-rod";
        r.status = ReferralStatus.DRAFT;
        r.workingGroup = "kikinda-child-protection";
        assertEquals(Set.of(), Party.of(r, new Caller("2", "marko", "udruzenje-rod", Set.of("caseworker"))));
        assertEquals(Set.of(), Party.of(r, new Caller("3", "jelena", "csr-kikinda", Set.of("coordinator"),
                Set.of("kikinda-child-protection"))));
    }
}
