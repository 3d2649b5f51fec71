package org.uputnica.referrals.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands, after FHIR's closed-loop Task statuses and the field's words: poslato (sent), viđeno
 * (acknowledged), prihvaćeno (accepted), odbijeno (declined), u toku (in progress), završeno (completed),
 * povučeno (withdrawn). "Overdue" is not a status: a referral goes overdue and keeps waiting for its answer.
 */
public enum ReferralStatus {
    DRAFT, SENT, ACKNOWLEDGED, ESCALATED, ACCEPTED, IN_PROGRESS, ON_HOLD,
    DECLINED, COMPLETED, WITHDRAWN, FORWARDED;

    private static final Set<ReferralStatus> TERMINAL = EnumSet.of(DECLINED, COMPLETED, WITHDRAWN, FORWARDED);
    private static final Set<ReferralStatus> AWAITING_ANSWER = EnumSet.of(SENT, ACKNOWLEDGED, ESCALATED);

    /** No action leads out of a terminal status. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** The statuses no action leads out of: the referral is closed. */
    public static Set<ReferralStatus> terminal() {
        return EnumSet.copyOf(TERMINAL);
    }

    /** Sent and not yet accepted or declined: the response deadlines run. */
    public boolean isAwaitingAnswer() {
        return AWAITING_ANSWER.contains(this);
    }
}
