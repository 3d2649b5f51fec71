package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What Uputnica does to referrals by itself, as {@link #SYSTEM}: marking one overdue and escalating it (called by
 * the {@code DeadlineScanner}), revoking its sharing when the consent is withdrawn (by {@code SharingRevocation});
 * and the referral lists. What callers do is in {@link SendReferral}, {@link ActOnReferral} and
 * {@link ReferralQueries}.
 */
@ApplicationScoped
public class ReferralWorkflow {
    /** The reason code of a revocation, in its history entry and event. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    /** The actor of what Uputnica does by itself: deadlines, first-accept-wins, revoking on a withdrawn consent. */
    public static final Caller SYSTEM = new Caller("uputnica", "uputnica", "uputnica", Set.of());

    private final ReferralChanges changes;
    private final Clock clock;

    ReferralWorkflow(ReferralChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Marks a referral overdue: history and event, no status change (it still waits for its answer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOverdue(UUID id, String deadline) {
        Referral r = Referral.findById(id);
        changes.note(SYSTEM, r, EventType.REFERRAL_OVERDUE, deadline, deadline.toLowerCase() + " deadline passed",
                deadline);
    }

    /**
     * Escalates to the coordinator a referral whose deadline passed long ago. A referral still awaiting its answer
     * becomes ESCALATED; one that has moved on (accepted, waiting for first contact) keeps its status, and the
     * coordinator is told all the same. Returns whether the status changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalateOverdue(UUID id, String deadline) {
        Referral r = Referral.findById(id);
        String note = deadline.toLowerCase() + " deadline passed long ago";
        if (!ReferralAction.ESCALATE.allowedFrom(r.status)) {
            changes.note(SYSTEM, r, EventType.REFERRAL_ESCALATED, deadline, note, deadline);
            return false;
        }
        changes.transition(SYSTEM, r, ReferralAction.ESCALATE, deadline, note, null, deadline);
        return true;
    }

    /**
     * The consent the referral shares data under was withdrawn: the receiver may no longer use what was shared.
     * History and a {@code referral.sharing-revoked} event, as the system; the status stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeSharing(Referral r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.sharingRevokedAt = now;
        r.updatedAt = now;
        changes.note(SYSTEM, r, EventType.REFERRAL_SHARING_REVOKED, CONSENT_WITHDRAWN,
                "consent withdrawn: the shared data may no longer be used", null);
    }

    public enum Direction { INCOMING, OUTGOING, COORDINATED }
}
