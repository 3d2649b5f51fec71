package org.uputnica.referrals.referral;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lifecycle table, spelled out: every action from every status. */
class ReferralActionTest {

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource({
            "ACKNOWLEDGE, SENT,         ACKNOWLEDGED",
            "ACKNOWLEDGE, ACKNOWLEDGED, -",
            "ACKNOWLEDGE, ACCEPTED,     -",
            "ACKNOWLEDGE, DECLINED,     -",
            "ACCEPT,      SENT,         ACCEPTED",
            "ACCEPT,      ACKNOWLEDGED, ACCEPTED",
            "ACCEPT,      ACCEPTED,     -",
            "ACCEPT,      DECLINED,     -",
            "DECLINE,     SENT,         DECLINED",
            "DECLINE,     ACKNOWLEDGED, DECLINED",
            "DECLINE,     ACCEPTED,     -",
            "DECLINE,     DECLINED,     -",
    })
    void transitions(ReferralAction action, ReferralStatus from, String expected) {
        if (expected.equals("-")) {
            assertEquals(false, action.allowedFrom(from));
        } else {
            assertEquals(true, action.allowedFrom(from));
            assertEquals(ReferralStatus.valueOf(expected), action.target());
        }
    }

    @ParameterizedTest
    @CsvSource({"ACKNOWLEDGE", "ACCEPT", "DECLINE"})
    void onlyTheReceiverAnswersAReferral(ReferralAction action) {
        assertEquals(Party.RECEIVER, action.party());
    }

    @ParameterizedTest
    @CsvSource({"csr-kikinda, SENDER", "udruzenje-rod, RECEIVER", "iom-serbia, NONE"})
    void theAgencysSideOfAReferral(String agency, Party expected) {
        Referral r = new Referral();
        r.fromAgency = "csr-kikinda";
        r.toAgency = "udruzenje-rod";
        assertEquals(expected, Party.of(r, agency));
    }

    @ParameterizedTest
    @CsvSource({"'\"3\"', 3", "'W/\"7\"', 7", "12, 12"})
    void ifMatchCarriesTheVersion(String header, long version) {
        assertEquals(version, ReferralResource.versionOf(header));
    }
}
