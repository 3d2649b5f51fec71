package org.uputnica.referrals.referral;

import org.junit.jupiter.api.Test;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The allowedActions of a referral's representation: what a client may offer as buttons. */
class AllowedActionsTest {

    private static Referral referral(ReferralStatus status) {
        Referral r = new Referral();
        r.fromAgency = "csr-kikinda";
        r.toAgency = "udruzenje-rod";
        r.workingGroup = "kikinda-child-protection";
        r.status = status;
        return r;
    }

    private static Caller caseworker(String agency) {
        return new Caller("u", "u", agency, Set.of(Roles.CASEWORKER));
    }

    @Test
    void theReceiverOfASentReferralMayAnswerOrForwardIt() {
        assertEquals(List.of("acknowledge", "accept", "decline", "forward"),
                ReferralView.allowedActions(referral(ReferralStatus.SENT), caseworker("udruzenje-rod")));
    }

    @Test
    void theSenderMayOnlyWithdrawAnOpenReferral() {
        assertEquals(List.of("withdraw"),
                ReferralView.allowedActions(referral(ReferralStatus.ACCEPTED), caseworker("csr-kikinda")));
    }

    @Test
    void nobodyActsOnAClosedReferral() {
        assertEquals(List.of(), ReferralView.allowedActions(referral(ReferralStatus.COMPLETED), caseworker("udruzenje-rod")));
        assertEquals(List.of(), ReferralView.allowedActions(referral(ReferralStatus.SENT), caseworker("iom-serbia")));
    }
}
