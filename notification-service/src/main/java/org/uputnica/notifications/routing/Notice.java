package org.uputnica.notifications.routing;

import org.uputnica.events.ReferralChanged;

/**
 * One thing one recipient is to be told. Every channel (inbox, e-mail, webhooks) starts from notices, so they all
 * agree on who hears about what.
 *
 * @param recipient who is told
 * @param kind      what they are told
 * @param referral  the referral after the change: ids and codes only
 */
public record Notice(Recipient recipient, NoticeKind kind, ReferralChanged referral) {

    /** The agency an agency notice is for; null for a working group's notice. */
    public String recipientAgency() {
        return recipient.agency();
    }
}
