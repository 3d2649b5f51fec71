package org.uputnica.notifications.routing;

import org.uputnica.events.ReferralChanged;

/**
 * One thing one agency is to be told: every channel (the inbox now; e-mail or webhooks later) delivers notices,
 * so they all agree on who hears about what.
 *
 * @param recipientAgency the agency alias that is told
 * @param kind            what it is told
 * @param referral        the referral after the change: ids and codes only
 */
public record Notice(String recipientAgency, NoticeKind kind, ReferralChanged referral) {
}
