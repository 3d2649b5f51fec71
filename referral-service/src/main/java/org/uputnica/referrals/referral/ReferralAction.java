package org.uputnica.referrals.referral;

import org.uputnica.events.EventType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.uputnica.referrals.referral.Party.COORDINATOR;
import static org.uputnica.referrals.referral.Party.RECEIVER;
import static org.uputnica.referrals.referral.Party.SENDER;
import static org.uputnica.referrals.referral.Party.SYSTEM;
import static org.uputnica.referrals.referral.ReferralStatus.ACCEPTED;
import static org.uputnica.referrals.referral.ReferralStatus.ACKNOWLEDGED;
import static org.uputnica.referrals.referral.ReferralStatus.DRAFT;
import static org.uputnica.referrals.referral.ReferralStatus.ESCALATED;
import static org.uputnica.referrals.referral.ReferralStatus.IN_PROGRESS;
import static org.uputnica.referrals.referral.ReferralStatus.ON_HOLD;
import static org.uputnica.referrals.referral.ReferralStatus.SENT;

/**
 * The lifecycle as data: each action names the parties that may take it, the statuses it may start from, the
 * status it leads to and the event it publishes. {@link ReferralWorkflow} enforces the table; docs/referral-lifecycle.md
 * draws it.
 */
public enum ReferralAction {
    SEND(EnumSet.of(SENDER), EnumSet.of(DRAFT), SENT, EventType.REFERRAL_SENT),
    ACKNOWLEDGE(EnumSet.of(RECEIVER), EnumSet.of(SENT, ESCALATED), ACKNOWLEDGED, EventType.REFERRAL_ACKNOWLEDGED),
    ACCEPT(EnumSet.of(RECEIVER), EnumSet.of(SENT, ACKNOWLEDGED, ESCALATED), ACCEPTED, EventType.REFERRAL_ACCEPTED),
    DECLINE(EnumSet.of(RECEIVER), EnumSet.of(SENT, ACKNOWLEDGED, ESCALATED), ReferralStatus.DECLINED,
            EventType.REFERRAL_DECLINED),
    START(EnumSet.of(RECEIVER), EnumSet.of(ACCEPTED, ON_HOLD), IN_PROGRESS, EventType.REFERRAL_STARTED),
    HOLD(EnumSet.of(RECEIVER), EnumSet.of(ACCEPTED, IN_PROGRESS), ON_HOLD, EventType.REFERRAL_ON_HOLD),
    COMPLETE(EnumSet.of(RECEIVER), EnumSet.of(ACCEPTED, IN_PROGRESS, ON_HOLD), ReferralStatus.COMPLETED,
            EventType.REFERRAL_COMPLETED),
    WITHDRAW(EnumSet.of(SENDER, COORDINATOR, SYSTEM), EnumSet.of(DRAFT, SENT, ACKNOWLEDGED, ESCALATED, ACCEPTED,
            IN_PROGRESS, ON_HOLD), ReferralStatus.WITHDRAWN, EventType.REFERRAL_WITHDRAWN),
    FORWARD(EnumSet.of(RECEIVER, COORDINATOR), EnumSet.of(SENT, ACKNOWLEDGED, ESCALATED), ReferralStatus.FORWARDED,
            EventType.REFERRAL_FORWARDED),
    ESCALATE(EnumSet.of(COORDINATOR, SYSTEM), EnumSet.of(SENT, ACKNOWLEDGED), ESCALATED,
            EventType.REFERRAL_ESCALATED);

    private final Set<Party> parties;
    private final Set<ReferralStatus> from;
    private final ReferralStatus to;
    private final EventType event;

    ReferralAction(Set<Party> parties, Set<ReferralStatus> from, ReferralStatus to, EventType event) {
        this.parties = Collections.unmodifiableSet(parties);
        this.from = Collections.unmodifiableSet(from);
        this.to = to;
        this.event = event;
    }

    public Set<Party> parties() {
        return parties;
    }

    public boolean allowedFor(Set<Party> callerParties) {
        return callerParties.stream().anyMatch(parties::contains);
    }

    public boolean allowedFrom(ReferralStatus status) {
        return from.contains(status);
    }

    public Set<ReferralStatus> from() {
        return from;
    }

    public ReferralStatus target() {
        return to;
    }

    public EventType event() {
        return event;
    }

    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
