package org.uputnica.referrals.referral;

import org.uputnica.events.EventType;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle as data: each action names the party that may take it, the states it may start from and the
 * state it leads to. {@link ReferralWorkflow} enforces it; adding a state means adding a line here.
 */
public enum ReferralAction {
    ACKNOWLEDGE(Party.RECEIVER, EnumSet.of(ReferralStatus.SENT), ReferralStatus.ACKNOWLEDGED,
            EventType.REFERRAL_ACKNOWLEDGED),
    ACCEPT(Party.RECEIVER, EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED), ReferralStatus.ACCEPTED,
            EventType.REFERRAL_ACCEPTED),
    DECLINE(Party.RECEIVER, EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED), ReferralStatus.DECLINED,
            EventType.REFERRAL_DECLINED);

    private final Party party;
    private final Set<ReferralStatus> from;
    private final ReferralStatus to;
    private final EventType event;

    ReferralAction(Party party, Set<ReferralStatus> from, ReferralStatus to, EventType event) {
        this.party = party;
        this.from = from;
        this.to = to;
        this.event = event;
    }

    public Party party() {
        return party;
    }

    public boolean allowedFrom(ReferralStatus status) {
        return from.contains(status);
    }

    public ReferralStatus target() {
        return to;
    }

    public EventType event() {
        return event;
    }

    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
