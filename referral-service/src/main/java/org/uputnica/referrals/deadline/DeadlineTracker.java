package org.uputnica.referrals.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.referrals.protocol.DeadlinePeriods;
import org.uputnica.referrals.protocol.ProtocolTerms;
import org.uputnica.referrals.protocol.Protocols;
import org.uputnica.referrals.referral.Referral;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Starts, meets and cancels a referral's deadlines as it changes status, called by the referral's change in its
 * transaction: a deadline can never disagree with the referral's status, whatever crashes.
 * <ul>
 *     <li>SENT starts ACKNOWLEDGE and RESPOND; ACKNOWLEDGED meets ACKNOWLEDGE;</li>
 *     <li>ACCEPTED and DECLINED meet both (an answer is also an acknowledgement); ACCEPTED starts FIRST_CONTACT;</li>
 *     <li>IN_PROGRESS meets FIRST_CONTACT;</li>
 *     <li>a terminal status (declined, completed, withdrawn, forwarded) cancels whatever is still unmet.</li>
 * </ul>
 * Times come from the change, which takes them from the injected Clock.
 */
@ApplicationScoped
public class DeadlineTracker {
    private final Protocols protocols;
    private final EntityManager em;

    DeadlineTracker(Protocols protocols, EntityManager em) {
        this.protocols = protocols;
        this.em = em;
    }

    /** The referral was sent at {@code at} under {@code protocol}, the version just bound to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(Referral r, ProtocolTerms protocol, OffsetDateTime at) {
        DeadlinePeriods periods = protocol.deadlinesFor(r.urgency);
        start(r, protocol, DeadlineKind.ACKNOWLEDGE, at, periods.acknowledgeWithin(), periods.escalateAfterPeriod());
        start(r, protocol, DeadlineKind.RESPOND, at, periods.respondWithin(), periods.escalateAfterPeriod());
    }

    /** The referral moved to its current status at {@code at} (any status but SENT, which {@link #sent} covers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(Referral r, OffsetDateTime at) {
        switch (r.status) {
            case ACKNOWLEDGED -> meet(r.id, at, DeadlineKind.ACKNOWLEDGE);
            case ACCEPTED -> {
                meet(r.id, at, DeadlineKind.ACKNOWLEDGE, DeadlineKind.RESPOND);
                ProtocolTerms protocol = protocols.governing(r);
                DeadlinePeriods periods = protocol.deadlinesFor(r.urgency);
                start(r, protocol, DeadlineKind.FIRST_CONTACT, at, periods.firstContactWithin(),
                        periods.escalateAfterPeriod());
            }
            case DECLINED -> meet(r.id, at, DeadlineKind.ACKNOWLEDGE, DeadlineKind.RESPOND);
            case IN_PROGRESS -> meet(r.id, at, DeadlineKind.FIRST_CONTACT);
            default -> {
                // ESCALATED and ON_HOLD leave the deadlines running: the referral still owes its answer or its start
            }
        }
        if (r.status.isTerminal()) {
            cancelUnmet(r.id, at);
        }
    }

    private void start(Referral r, ProtocolTerms protocol, DeadlineKind kind, OffsetDateTime from, Duration within,
                       Duration escalateAfter) {
        ReferralDeadline d = new ReferralDeadline();
        d.id = UUID.randomUUID();
        d.referralId = r.id;
        d.kind = kind;
        d.state = DeadlineState.PENDING;
        d.dueAt = from.plus(within);
        d.escalateAt = d.dueAt.plus(escalateAfter);
        d.protocolCode = protocol.code();
        d.protocolVersion = protocol.version();
        d.createdAt = from;
        d.persist();
    }

    // Bulk updates: if the scanner holds one of these rows, this waits for it instead of overwriting its change.
    private void meet(UUID referralId, OffsetDateTime at, DeadlineKind... kinds) {
        em.createQuery("update ReferralDeadline d set d.state = :met, d.metAt = :at "
                        + "where d.referralId = :id and d.kind in :kinds and d.state in :unmet")
                .setParameter("met", DeadlineState.MET)
                .setParameter("at", at)
                .setParameter("id", referralId)
                .setParameter("kinds", List.of(kinds))
                .setParameter("unmet", DeadlineState.UNMET)
                .executeUpdate();
    }

    private void cancelUnmet(UUID referralId, OffsetDateTime at) {
        em.createQuery("update ReferralDeadline d set d.state = :cancelled, d.cancelledAt = :at "
                        + "where d.referralId = :id and d.state in :unmet")
                .setParameter("cancelled", DeadlineState.CANCELLED)
                .setParameter("at", at)
                .setParameter("id", referralId)
                .setParameter("unmet", DeadlineState.UNMET)
                .executeUpdate();
    }
}
