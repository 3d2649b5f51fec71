package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The lifecycle actions on one referral ({@link ReferralAction}): {@code POST /referrals/{id}/{verb}}. In one
 * transaction: the referral (404, 403 {@code not-a-party}), the caller's capacity (403 {@code wrong-party}), the
 * version (412), the status (409 {@code illegal-transition}); then the action, written by {@link ReferralChanges}.
 * Sending a draft and forwarding go through the sending checks ({@link SendReferral}, {@link ForwardReferral}).
 */
@ApplicationScoped
public class ActOnReferral {
    public static final String WRONG_PARTY = ProblemType.of("wrong-party");
    public static final String ILLEGAL_TRANSITION = ProblemType.of("illegal-transition");
    public static final String ALREADY_TAKEN = ProblemType.of("already-taken");

    /** What some actions need besides the referral: a reason, an outcome, a new receiver, a sharing basis. */
    public record Details(DeclineReason reasonCode, String note, Outcome outcome, String forwardTo, Sharing sharing) {
        public static Details none() {
            return new Details(null, null, null, null, null);
        }

        public static Details note(String note) {
            return new Details(null, note, null, null, null);
        }
    }

    private final CaseFacts facts;
    private final ReferralQueries queries;
    private final SendReferral sending;
    private final ForwardReferral forwarding;
    private final ReferralChanges changes;
    private final ReferralGroupRules groups;
    private final EntityManager em;
    private final Clock clock;

    ActOnReferral(CaseFacts facts, ReferralQueries queries, SendReferral sending, ForwardReferral forwarding,
                  ReferralChanges changes, ReferralGroupRules groups, EntityManager em, Clock clock) {
        this.facts = facts;
        this.queries = queries;
        this.sending = sending;
        this.forwarding = forwarding;
        this.changes = changes;
        this.groups = groups;
        this.em = em;
        this.clock = clock;
    }

    public ReferralView act(Caller caller, UUID id, ReferralAction action, Long expectedVersion, Details details) {
        return facts.inTransaction(() -> {
            Referral r = queries.find(caller, id);
            requireAllowed(caller, r, action, expectedVersion);
            switch (action) {
                case SEND -> sending.sendDraft(caller, r, details.sharing());
                case FORWARD -> forwarding.forward(caller, r, details.forwardTo(), details.note());
                default -> answer(caller, r, action, details);
            }
            em.flush(); // a concurrent change surfaces here as an OptimisticLockException (409), not at commit
            return ReferralView.of(r, caller);
        });
    }

    private static void requireAllowed(Caller caller, Referral r, ReferralAction action, Long expectedVersion) {
        Set<Party> parties = caller == ReferralWorkflow.SYSTEM ? Set.of(Party.SYSTEM) : Party.of(r, caller);
        if (!action.allowedFor(parties)) {
            throw ProblemException.forbidden(WRONG_PARTY, "only the " + describe(action.parties())
                    + " of the referral may " + action.verb() + " it");
        }
        if (expectedVersion != null && expectedVersion != r.version) {
            throw new ProblemException(412, ProblemType.STALE_VERSION, "Precondition failed",
                    "the referral changed since version " + expectedVersion + "; it is at version " + r.version);
        }
        if (!action.allowedFrom(r.status)) {
            throw ProblemException.conflict(ILLEGAL_TRANSITION, "a referral that is " + r.status
                    + " cannot be " + action.target().name().toLowerCase() + " (action " + action.verb() + ")");
        }
    }

    /** Every action but SEND and FORWARD: its fields, the change, and what it does to a multi-agency request. */
    private void answer(Caller caller, Referral r, ReferralAction action, Details d) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String code = null;
        switch (action) {
            case ACKNOWLEDGE -> r.acknowledgedAt = now;
            case ACCEPT -> {
                r.answeredAt = now;
                if (r.groupId != null) {
                    groups.firstAcceptWins(r);
                }
            }
            case DECLINE -> {
                r.answeredAt = now;
                r.declineCode = d.reasonCode() == null ? DeclineReason.OTHER : d.reasonCode();
                r.declineNote = d.note();
                code = r.declineCode.name();
            }
            case HOLD -> r.holdReason = d.note();
            case COMPLETE -> {
                r.outcome = d.outcome();
                r.outcomeNote = d.note();
                code = r.outcome.name();
            }
            case WITHDRAW -> {
                r.withdrawReason = d.note();
                code = d.reasonCode() == null ? null : d.reasonCode().name();
            }
            default -> {
                // START, ESCALATE: the status change is all
            }
        }
        changes.transition(caller, r, action, code, d.note(), null, null);
        if (r.groupId != null && r.status.isTerminal()) {
            groups.closeIfExhausted(r.groupId);
        }
    }

    private static String describe(Set<Party> parties) {
        return String.join(" or ", parties.stream().filter(p -> p != Party.SYSTEM)
                .map(p -> p == Party.COORDINATOR ? "working group's coordinator" : p.name().toLowerCase()).toList());
    }
}
