package org.uputnica.referrals.referral;

import java.time.OffsetDateTime;

/**
 * Fired synchronously, inside the transaction, after a referral changed status: features that follow the lifecycle
 * (deadlines, statistics) observe it instead of being called from the workflow.
 *
 * @param from null for a referral created as draft or sent at once
 */
public record ReferralTransitioned(Referral referral, ReferralStatus from, ReferralStatus to, OffsetDateTime at) {
}
