package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.referrals.deadline.DeadlineTracker;
import org.uputnica.referrals.protocol.ProtocolTerms;
import org.uputnica.referrals.protocol.Protocols;
import org.uputnica.referrals.workinggroup.WorkingGroup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes a referral's changes, in the caller's transaction and in this order: the decision (status, protocol), the
 * {@code referral_history} row, the deadlines, and last the outbox event. Everything that can refuse a change runs
 * before the event is written, and the whole change commits or rolls back together.
 */
@ApplicationScoped
class ReferralChanges {
    private final Outbox outbox;
    private final Protocols protocols;
    private final DeadlineTracker deadlines;
    private final Clock clock;

    ReferralChanges(Outbox outbox, Protocols protocols, DeadlineTracker deadlines, Clock clock) {
        this.outbox = outbox;
        this.protocols = protocols;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A new draft: history only, nobody but the sender knows of it. */
    void drafted(Caller caller, Referral r) {
        history(caller, r, null, null, null);
    }

    /**
     * The referral (with its sharing) becomes SENT: its working group, the protocol version that governs it (409
     * when it does not share what that version requires), history, its first deadlines, the event. A new referral is
     * persisted here, once decided, so that it is inserted once in its final state (no update after the insert, and
     * the version the answer shows is the stored one).
     *
     * @param previous      DRAFT for a draft sent now, null for a referral created sent
     * @param forwardedFrom the referral it replaces, for a forward
     */
    void send(Caller caller, Referral r, ReferralStatus previous, UUID forwardedFrom) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.status = ReferralStatus.SENT;
        r.sentAt = now;
        r.updatedAt = now;
        r.workingGroup = WorkingGroup.covering(r.fromAgency, r.toAgency).orElse(null);
        ProtocolTerms protocol = protocols.forSending(r);
        SharingPolicy.requireProtocolData(protocol, r.sharing());
        r.protocolCode = protocol.code();
        r.protocolVersion = protocol.version();
        if (!r.isPersistent()) {
            r.persist();
        }

        history(caller, r, previous, null, forwardedFrom == null ? null : "forwarded by " + caller.agency());
        deadlines.sent(r, protocol, now);
        publish(EventType.REFERRAL_SENT, caller, r, previous, null, forwardedFrom, null);
    }

    /** The referral takes {@code action}: its new status, history, what that does to its deadlines, the event. */
    void transition(Caller caller, Referral r, ReferralAction action, String reasonCode, String note, UUID related,
                    String deadline) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralStatus previous = r.status;
        r.status = action.target();
        r.updatedAt = now;
        history(caller, r, previous, reasonCode, note);
        deadlines.moved(r, now);
        if (previous == ReferralStatus.DRAFT && r.status == ReferralStatus.WITHDRAWN) {
            return; // a discarded draft: nobody but the sender ever knew of it, so nobody is told
        }
        publish(action.event(), caller, r, previous, reasonCode, related, deadline);
    }

    /** Something happened to the referral that leaves its status: history and the event. */
    void note(Caller caller, Referral r, EventType event, String reasonCode, String note, String deadline) {
        history(caller, r, r.status, reasonCode, note);
        publish(event, caller, r, r.status, reasonCode, null, deadline);
    }

    private void history(Caller caller, Referral r, ReferralStatus previous, String reasonCode, String note) {
        ReferralHistoryEntry h = new ReferralHistoryEntry();
        h.referralId = r.id;
        h.at = r.updatedAt;
        h.fromStatus = previous;
        h.toStatus = r.status;
        h.actorUser = caller.userId();
        h.actorName = caller.username();
        h.actorAgency = caller.agency();
        h.reasonCode = reasonCode;
        h.note = note;
        h.persist();
    }

    private void publish(EventType event, Caller caller, Referral r, ReferralStatus previous, String reasonCode,
                         UUID related, String deadline) {
        outbox.publish(event, r.id, new ReferralChanged(r.id, r.caseId, r.fromAgency, r.toAgency, r.service.name(),
                r.urgency.name(), r.status.name(), previous == null ? null : previous.name(), reasonCode,
                new Actor(caller.agency(), caller.userId()), r.kind.name(), r.outcome == null ? null : r.outcome.name(),
                r.groupId, related, deadline, r.workingGroup, r.sharingBasis == null ? null : r.sharingBasis.name(),
                r.consentId, r.sharedDataCodes()));
    }
}
