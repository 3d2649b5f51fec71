package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * A multi-agency request ({@link ReferralGroup}): the first candidate to accept wins and the others are withdrawn;
 * once no candidate is open, the request is exhausted. Both lock the group's row, so concurrent accepts queue up.
 */
@ApplicationScoped
class ReferralGroupRules {
    private final EntityManager em;
    private final ReferralChanges changes;

    ReferralGroupRules(EntityManager em, ReferralChanges changes) {
        this.em = em;
        this.changes = changes;
    }

    /** 409 {@code already-taken} when another candidate accepted first. */
    void firstAcceptWins(Referral accepted) {
        ReferralGroup group = em.find(ReferralGroup.class, accepted.groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group.status != ReferralGroup.Status.OPEN) {
            throw ProblemException.conflict(ActOnReferral.ALREADY_TAKEN, "another candidate agency accepted this request first");
        }
        group.status = ReferralGroup.Status.FILLED;
        group.acceptedReferralId = accepted.id;
        List<Referral> others = Referral.list("groupId = ?1 and id <> ?2", accepted.groupId, accepted.id);
        for (Referral other : others) {
            if (ReferralAction.WITHDRAW.allowedFrom(other.status)) {
                other.withdrawReason = "accepted by " + accepted.toAgency;
                changes.transition(ReferralWorkflow.SYSTEM, other, ReferralAction.WITHDRAW, "ACCEPTED_ELSEWHERE",
                        other.withdrawReason, null, null);
            }
        }
    }

    /** A candidate ended (declined, withdrawn, forwarded): with none left open, the request is exhausted. */
    void closeIfExhausted(UUID groupId) {
        ReferralGroup group = em.find(ReferralGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        boolean open = Referral.<Referral>list("groupId", groupId).stream().anyMatch(m -> !m.status.isTerminal());
        if (!open && group.status == ReferralGroup.Status.OPEN) {
            group.status = ReferralGroup.Status.EXHAUSTED;
        }
    }
}
