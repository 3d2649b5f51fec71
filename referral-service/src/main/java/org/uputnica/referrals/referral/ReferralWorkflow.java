package org.uputnica.referrals.referral;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.agency.Agency;
import org.uputnica.referrals.caseaccess.CaseOwners;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Sends referrals and moves them through their lifecycle ({@link ReferralAction}). Every change is written with its
 * history entry and its event in one transaction.
 */
@ApplicationScoped
public class ReferralWorkflow {
    public static final String NOT_A_PARTY = ProblemType.of("not-a-party");
    public static final String WRONG_PARTY = ProblemType.of("wrong-party");
    public static final String CASE_NOT_OWNED = ProblemType.of("case-not-owned");
    public static final String ILLEGAL_TRANSITION = ProblemType.of("illegal-transition");

    @Inject
    CaseOwners caseOwners;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public ReferralView send(Caller caller, ReferralInput.NewReferral input) {
        String toAgency = input.toAgency().strip();
        if (!Agency.exists(toAgency)) {
            throw ProblemException.invalidField("toAgency", "is not a known agency");
        }
        if (toAgency.equals(caller.agency())) {
            throw ProblemException.invalidField("toAgency", "must be another agency than your own");
        }
        String owner = caseOwners.ownerOf(input.caseId());
        if (!owner.equals(caller.agency())) {
            throw ProblemException.forbidden(CASE_NOT_OWNED, "only the agency that owns the case may refer it");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.caseId = input.caseId();
        r.fromAgency = caller.agency();
        r.toAgency = toAgency;
        r.service = input.service();
        r.urgency = input.urgency();
        r.reason = input.reason().strip();
        r.status = ReferralStatus.SENT;
        r.createdBy = caller.userId();
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        recordChange(caller, r, null, null, null, EventType.REFERRAL_SENT, now);
        return ReferralView.of(r);
    }

    /**
     * Applies {@code action} for the caller. 403 for an agency that is not the party the action belongs to,
     * 409 from a state the action cannot start from, 412 when {@code expectedVersion} is stale.
     */
    @Transactional
    public ReferralView act(Caller caller, UUID id, ReferralAction action, Long expectedVersion,
                            DeclineReason reasonCode, String note) {
        Referral r = find(caller, id);
        Party party = Party.of(r, caller.agency());
        if (party != action.party()) {
            throw ProblemException.forbidden(WRONG_PARTY, "only the " + action.party().name().toLowerCase()
                    + " of the referral may " + action.verb() + " it");
        }
        if (expectedVersion != null && expectedVersion != r.version) {
            throw new ProblemException(412, ProblemType.STALE_VERSION, "Precondition failed",
                    "the referral changed since version " + expectedVersion + "; it is at version " + r.version);
        }
        if (!action.allowedFrom(r.status)) {
            throw ProblemException.conflict(ILLEGAL_TRANSITION,
                    "a referral that is " + r.status + " cannot be " + action.target().name().toLowerCase()
                            + " (action " + action.verb() + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralStatus previous = r.status;
        r.status = action.target();
        r.updatedAt = now;
        if (action == ReferralAction.DECLINE) {
            r.declineCode = reasonCode == null ? DeclineReason.OTHER : reasonCode;
            r.declineNote = note;
        }
        String code = action == ReferralAction.DECLINE ? r.declineCode.name() : null;
        recordChange(caller, r, previous, code, note, action.event(), now);
        em.flush(); // a concurrent change surfaces here as an OptimisticLockException (409), not at commit
        return ReferralView.of(r);
    }

    /** A referral for one of its two parties; 403 for any other agency. */
    @Transactional
    public Referral find(Caller caller, UUID id) {
        Referral r = Referral.findById(id);
        if (r == null) {
            throw ProblemException.notFound("no referral " + id);
        }
        if (Party.of(r, caller.agency()) == Party.NONE) {
            throw ProblemException.forbidden(NOT_A_PARTY, "only the sending and the receiving agency see a referral");
        }
        return r;
    }

    @Transactional
    public List<ReferralView.HistoryEntry> history(Caller caller, UUID id) {
        find(caller, id);
        return ReferralHistoryEntry.<ReferralHistoryEntry>list("referralId", Sort.by("id"), id).stream()
                .map(ReferralView.HistoryEntry::of).toList();
    }

    public enum Direction { INCOMING, OUTGOING }

    @Transactional
    public ReferralView.Page list(Caller caller, Direction direction, ReferralStatus status, int page, int size) {
        String column = direction == Direction.INCOMING ? "toAgency" : "fromAgency";
        var query = status == null
                ? Referral.<Referral>find(column + " = ?1", Sort.by("createdAt").descending(), caller.agency())
                : Referral.<Referral>find(column + " = ?1 and status = ?2", Sort.by("createdAt").descending(),
                caller.agency(), status);
        List<ReferralView> items = query.page(Page.of(page, size)).list().stream().map(ReferralView::of).toList();
        return new ReferralView.Page(items, page, size, query.count());
    }

    private void recordChange(Caller caller, Referral r, ReferralStatus previous, String reasonCode, String note,
                              EventType event, OffsetDateTime now) {
        ReferralHistoryEntry h = new ReferralHistoryEntry();
        h.referralId = r.id;
        h.at = now;
        h.fromStatus = previous;
        h.toStatus = r.status;
        h.actorUser = caller.userId();
        h.actorName = caller.username();
        h.actorAgency = caller.agency();
        h.reasonCode = reasonCode;
        h.note = note;
        h.persist();
        outbox.publish(event, r.id, new ReferralChanged(r.id, r.caseId, r.fromAgency, r.toAgency, r.service.name(),
                r.urgency.name(), r.status.name(), previous == null ? null : previous.name(), reasonCode,
                new Actor(caller.agency(), caller.userId())));
    }
}
