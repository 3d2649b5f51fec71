package org.uputnica.referrals.referral;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.agency.Agency;
import org.uputnica.referrals.caseaccess.CaseOwners;
import org.uputnica.referrals.consent.ConsentCheck;
import org.uputnica.referrals.workinggroup.WorkingGroup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends referrals and moves them through their lifecycle ({@link ReferralAction}). Every change is written with its
 * history entry and its event in one transaction, and announced in-process as {@link ReferralTransitioned}.
 */
@ApplicationScoped
public class ReferralWorkflow {
    public static final String NOT_A_PARTY = ProblemType.of("not-a-party");
    public static final String WRONG_PARTY = ProblemType.of("wrong-party");
    public static final String CASE_NOT_OWNED = ProblemType.of("case-not-owned");
    public static final String ILLEGAL_TRANSITION = ProblemType.of("illegal-transition");
    public static final String NO_SHARING_BASIS = ProblemType.of("no-sharing-basis");
    public static final String SUPERVISOR_APPROVAL = ProblemType.of("supervisor-approval-required");
    public static final String ALREADY_TAKEN = ProblemType.of("already-taken");
    public static final String TRANSFER_NOT_FORWARDABLE = ProblemType.of("transfer-not-forwardable");

    /** The reason code of a revocation, in its history entry and event. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    /** The actor of what Uputnica does by itself: deadlines, first-accept-wins, revoking on a withdrawn consent. */
    public static final Caller SYSTEM = new Caller("uputnica", "uputnica", "uputnica", Set.of());

    /** What some actions need besides the referral: a reason, an outcome, a new receiver, a sharing basis. */
    public record Details(DeclineReason reasonCode, String note, Outcome outcome, String forwardTo, Sharing sharing) {
        public static Details none() {
            return new Details(null, null, null, null, null);
        }

        public static Details note(String note) {
            return new Details(null, note, null, null, null);
        }
    }

    @Inject
    CaseOwners caseOwners;

    @Inject
    ConsentCheck consents;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ReferralTransitioned> transitions;

    @Transactional
    public ReferralView create(Caller caller, ReferralInput.NewReferral input) {
        requireOwner(caller, input.caseId()); // first: a caller who may not refer the case learns nothing of the input
        String toAgency = requireTarget(input.toAgency(), "toAgency", caller.agency());
        Referral r = draft(caller, input.caseId(), toAgency, input.service(), input.urgency(), input.reason());
        r.kind = input.kind() == null ? ReferralKind.REFERRAL : input.kind();
        if (Boolean.TRUE.equals(input.draft())) {
            if (input.sharing() != null) {
                r.share(input.sharing());
            }
            r.persist();
            history(caller, r, null, null, null);
            return ReferralView.of(r, caller);
        }
        SharingPolicy.require(caller, r.kind, input.sharing());
        requireConsent(input.caseId(), toAgency, input.sharing());
        r.share(input.sharing());
        r.persist();
        send(caller, r, null, null);
        return ReferralView.of(r, caller);
    }

    /** One need to several candidates; the first that accepts wins and the others are withdrawn. */
    @Transactional
    public ReferralView.Group createGroup(Caller caller, ReferralInput.NewGroupReferral input) {
        requireOwner(caller, input.caseId());
        List<String> targets = new ArrayList<>();
        for (String agency : input.toAgencies()) {
            targets.add(requireTarget(agency, "toAgencies", caller.agency()));
        }
        for (String target : targets) {
            SharingPolicy.require(caller, ReferralKind.REFERRAL, input.sharingFor(target));
            requireConsent(input.caseId(), target, input.sharingFor(target));
        }
        ReferralGroup group = new ReferralGroup();
        group.id = UUID.randomUUID();
        group.caseId = input.caseId();
        group.fromAgency = caller.agency();
        group.status = ReferralGroup.Status.OPEN;
        group.createdAt = OffsetDateTime.now(clock);
        group.persist();
        List<ReferralView> referrals = new ArrayList<>();
        for (String target : targets.stream().sorted().toList()) {
            Referral r = draft(caller, input.caseId(), target, input.service(), input.urgency(), input.reason());
            r.groupId = group.id;
            r.share(input.sharingFor(target));
            r.persist();
            send(caller, r, null, null);
            referrals.add(ReferralView.of(r, caller));
        }
        return new ReferralView.Group(group.id, group.caseId, group.fromAgency, group.status, null, referrals);
    }

    @Transactional
    public ReferralView.Group group(Caller caller, UUID groupId) {
        ReferralGroup group = ReferralGroup.findById(groupId);
        if (group == null) {
            throw ProblemException.notFound("no referral group " + groupId);
        }
        List<Referral> members = Referral.list("groupId", Sort.by("toAgency"), groupId);
        List<ReferralView> visible = members.stream().filter(r -> !Party.of(r, caller).isEmpty())
                .map(r -> ReferralView.of(r, caller)).toList();
        if (visible.isEmpty()) {
            throw ProblemException.forbidden(NOT_A_PARTY, "your agency is not a party of this request");
        }
        return new ReferralView.Group(group.id, group.caseId, group.fromAgency, group.status, group.acceptedReferralId,
                visible);
    }

    /**
     * Applies {@code action} for the caller: 403 when none of the caller's capacities may take it, 412 when
     * {@code expectedVersion} is stale, 409 from a status the action cannot start from.
     */
    @Transactional
    public ReferralView act(Caller caller, UUID id, ReferralAction action, Long expectedVersion, Details details) {
        Referral r = find(caller, id);
        Set<Party> parties = caller == SYSTEM ? Set.of(Party.SYSTEM) : Party.of(r, caller);
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
        apply(caller, r, action, details);
        em.flush(); // a concurrent change surfaces here as an OptimisticLockException (409), not at commit
        return ReferralView.of(r, caller);
    }

    private void apply(Caller caller, Referral r, ReferralAction action, Details d) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (action) {
            case SEND -> {
                Sharing sharing = d.sharing() != null ? d.sharing() : r.sharing();
                requireOwner(caller, r.caseId);
                SharingPolicy.require(caller, r.kind, sharing);
                requireConsent(r.caseId, r.toAgency, sharing);
                r.share(sharing);
                send(caller, r, ReferralStatus.DRAFT, null);
                return;
            }
            case ACKNOWLEDGE -> r.acknowledgedAt = now;
            case ACCEPT -> {
                r.answeredAt = now;
                if (r.groupId != null) {
                    firstAcceptWins(r);
                }
            }
            case DECLINE -> {
                r.answeredAt = now;
                r.declineCode = d.reasonCode() == null ? DeclineReason.OTHER : d.reasonCode();
                r.declineNote = d.note();
            }
            case HOLD -> r.holdReason = d.note();
            case COMPLETE -> {
                r.outcome = d.outcome();
                r.outcomeNote = d.note();
            }
            case WITHDRAW -> r.withdrawReason = d.note();
            case FORWARD -> {
                forward(caller, r, d);
                return;
            }
            case START, ESCALATE -> {
                // the status change is all
            }
        }
        String code = switch (action) {
            case DECLINE -> r.declineCode.name();
            case COMPLETE -> r.outcome.name();
            case WITHDRAW -> d.reasonCode() == null ? null : d.reasonCode().name();
            default -> null;
        };
        transition(caller, r, action, code, d.note(), null, null);
        if (r.groupId != null && r.status.isTerminal()) {
            closeGroupIfExhausted(r.groupId);
        }
    }

    /** Marks a referral overdue: history and event, no status change (it still waits for its answer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOverdue(UUID id, String deadline) {
        Referral r = Referral.findById(id);
        recordChange(SYSTEM, r, r.status, deadline, deadline.toLowerCase() + " deadline passed",
                EventType.REFERRAL_OVERDUE, null, deadline, OffsetDateTime.now(clock));
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
            recordChange(SYSTEM, r, r.status, deadline, note, EventType.REFERRAL_ESCALATED, null, deadline,
                    OffsetDateTime.now(clock));
            return false;
        }
        transition(SYSTEM, r, ReferralAction.ESCALATE, deadline, note, null, deadline);
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
        recordChange(SYSTEM, r, r.status, CONSENT_WITHDRAWN, "consent withdrawn: the shared data may no longer be used",
                EventType.REFERRAL_SHARING_REVOKED, null, null, now);
    }

    /** A referral for one of its parties (sender, receiver, the working group's coordinator); 403 for others. */
    @Transactional
    public Referral find(Caller caller, UUID id) {
        Referral r = Referral.findById(id);
        if (r == null) {
            throw ProblemException.notFound("no referral " + id);
        }
        if (caller != SYSTEM && Party.of(r, caller).isEmpty()) {
            throw ProblemException.forbidden(NOT_A_PARTY,
                    "only the sending and the receiving agency and the working group's coordinator see a referral");
        }
        return r;
    }

    @Transactional
    public List<ReferralView.HistoryEntry> history(Caller caller, UUID id) {
        find(caller, id);
        return ReferralHistoryEntry.<ReferralHistoryEntry>list("referralId", Sort.by("id"), id).stream()
                .map(ReferralView.HistoryEntry::of).toList();
    }

    public enum Direction { INCOMING, OUTGOING, COORDINATED }

    @Transactional
    public ReferralView.Page list(Caller caller, Direction direction, ReferralStatus status, Urgency urgency, int page,
                                  int size) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (direction != Direction.COORDINATED && !caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(ProblemType.FORBIDDEN,
                    "an agency's referrals are listed for its caseworkers and supervisors; coordinators use COORDINATED");
        }
        switch (direction) {
            case INCOMING -> {
                where.append("toAgency = ?1 and status <> ?2");
                params.add(caller.agency());
                params.add(ReferralStatus.DRAFT);
            }
            case OUTGOING -> {
                where.append("fromAgency = ?1");
                params.add(caller.agency());
            }
            case COORDINATED -> {
                if (!caller.hasRole(Roles.COORDINATOR)) {
                    throw ProblemException.forbidden(ProblemType.FORBIDDEN, "only coordinators follow working groups");
                }
                where.append("workingGroup in ?1 and status <> ?2");
                params.add(caller.workingGroups().isEmpty() ? Set.of("-") : caller.workingGroups());
                params.add(ReferralStatus.DRAFT);
            }
        }
        if (status != null) {
            where.append(" and status = ?").append(params.size() + 1);
            params.add(status);
        }
        if (urgency != null) {
            where.append(" and urgency = ?").append(params.size() + 1);
            params.add(urgency);
        }
        var query = Referral.<Referral>find(where.toString(), Sort.by("createdAt").descending().and("id"),
                params.toArray());
        List<ReferralView> items = query.page(Page.of(page, size)).list().stream()
                .map(r -> ReferralView.of(r, caller)).toList();
        return new ReferralView.Page(items, page, size, query.count());
    }

    private Referral draft(Caller caller, UUID caseId, String toAgency, ServiceType service, Urgency urgency,
                           String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.fromAgency = caller.agency();
        r.toAgency = toAgency;
        r.service = service;
        r.urgency = urgency;
        r.reason = reason.strip();
        r.status = ReferralStatus.DRAFT;
        r.createdBy = caller.userId();
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private void send(Caller caller, Referral r, ReferralStatus previous, UUID related) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.status = ReferralStatus.SENT;
        r.sentAt = now;
        r.updatedAt = now;
        r.workingGroup = WorkingGroup.covering(r.fromAgency, r.toAgency).orElse(null);
        String note = related == null ? null : "forwarded by " + caller.agency();
        recordChange(caller, r, previous, null, note, EventType.REFERRAL_SENT, related, null, now);
    }

    private void forward(Caller caller, Referral r, Details d) {
        if (r.kind == ReferralKind.TRANSFER) {
            // the new receiver would become the case's owner, an agency the owner never chose
            throw ProblemException.conflict(TRANSFER_NOT_FORWARDABLE, "a transfer of a case cannot be forwarded: "
                    + "decline it, and the owning agency may transfer the case to another agency itself");
        }
        String target = requireTarget(d.forwardTo(), "toAgency", r.toAgency);
        if (target.equals(r.fromAgency)) {
            throw ProblemException.invalidField("toAgency", "must be another agency than the sender");
        }
        if (r.sharingBasis == Sharing.Basis.CONSENT) {
            SharingPolicy.requireConsentRecord(r.consentId != null);
        }
        requireConsent(r.caseId, target, r.sharing()); // the consent must name the new receiver too
        Referral next = new Referral();
        OffsetDateTime now = OffsetDateTime.now(clock);
        next.id = UUID.randomUUID();
        next.caseId = r.caseId;
        next.kind = r.kind;
        next.fromAgency = r.fromAgency; // the loop still closes with the original sender
        next.toAgency = target;
        next.service = r.service;
        next.urgency = r.urgency;
        next.reason = r.reason;
        next.sharingBasis = r.sharingBasis;
        next.consentId = r.consentId;
        next.consentReference = r.consentReference;
        next.legalBasis = r.legalBasis;
        next.sharedData = r.sharedData;
        next.forwardedFrom = r.id;
        next.status = ReferralStatus.DRAFT;
        next.createdBy = caller.userId();
        next.createdAt = now;
        next.updatedAt = now;
        next.persist();
        send(caller, next, null, r.id);
        r.forwardedTo = next.id;
        transition(caller, r, ReferralAction.FORWARD, null, d.note(), next.id, null);
        if (r.groupId != null) {
            closeGroupIfExhausted(r.groupId); // the forwarded referral is no longer a candidate of the request
        }
    }

    private void firstAcceptWins(Referral accepted) {
        ReferralGroup group = em.find(ReferralGroup.class, accepted.groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group.status != ReferralGroup.Status.OPEN) {
            throw ProblemException.conflict(ALREADY_TAKEN, "another candidate agency accepted this request first");
        }
        group.status = ReferralGroup.Status.FILLED;
        group.acceptedReferralId = accepted.id;
        List<Referral> others = Referral.list("groupId = ?1 and id <> ?2", accepted.groupId, accepted.id);
        for (Referral other : others) {
            if (ReferralAction.WITHDRAW.allowedFrom(other.status)) {
                other.withdrawReason = "accepted by " + accepted.toAgency;
                transition(SYSTEM, other, ReferralAction.WITHDRAW, "ACCEPTED_ELSEWHERE", other.withdrawReason, null,
                        null);
            }
        }
    }

    private void closeGroupIfExhausted(UUID groupId) {
        ReferralGroup group = em.find(ReferralGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        boolean open = Referral.<Referral>list("groupId", groupId).stream().anyMatch(m -> !m.status.isTerminal());
        if (!open && group.status == ReferralGroup.Status.OPEN) {
            group.status = ReferralGroup.Status.EXHAUSTED;
        }
    }

    private void transition(Caller caller, Referral r, ReferralAction action, String reasonCode, String note,
                            UUID related, String deadline) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralStatus previous = r.status;
        r.status = action.target();
        r.updatedAt = now;
        recordChange(caller, r, previous, reasonCode, note, action.event(), related, deadline, now);
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

    private void recordChange(Caller caller, Referral r, ReferralStatus previous, String reasonCode, String note,
                              EventType event, UUID related, String deadline, OffsetDateTime now) {
        history(caller, r, previous, reasonCode, note);
        if (previous == ReferralStatus.DRAFT && r.status == ReferralStatus.WITHDRAWN) {
            return; // a discarded draft: nobody but the sender ever knew of it, so nobody is told
        }
        outbox.publish(event, r.id, new ReferralChanged(r.id, r.caseId, r.fromAgency, r.toAgency, r.service.name(),
                r.urgency.name(), r.status.name(), previous == null ? null : previous.name(), reasonCode,
                new Actor(caller.agency(), caller.userId()), r.kind.name(), r.outcome == null ? null : r.outcome.name(),
                r.groupId, related, deadline, r.workingGroup, r.sharingBasis == null ? null : r.sharingBasis.name(),
                r.consentId, r.sharedDataCodes()));
        if (previous != r.status) {
            transitions.fire(new ReferralTransitioned(r, previous, r.status, now));
        }
    }

    private String requireTarget(String alias, String field, String mustDifferFrom) {
        String target = alias == null ? null : alias.strip();
        if (!Agency.exists(target)) {
            throw ProblemException.invalidField(field, "is not a known agency");
        }
        if (target.equals(mustDifferFrom)) {
            throw ProblemException.invalidField(field, "must be another agency than " + mustDifferFrom);
        }
        return target;
    }

    private void requireOwner(Caller caller, UUID caseId) {
        if (!caseOwners.ownerOf(caseId).equals(caller.agency())) {
            throw ProblemException.forbidden(CASE_NOT_OWNED, "only the agency that owns the case may refer it");
        }
    }

    /** The consent record named by the referral must allow this sending. */
    private void requireConsent(UUID caseId, String toAgency, Sharing sharing) {
        if (sharing.basis() == Sharing.Basis.CONSENT) {
            consents.require(sharing.consentId(), caseId, toAgency, sharing.data());
        }
    }

    private static String describe(Set<Party> parties) {
        return String.join(" or ", parties.stream().filter(p -> p != Party.SYSTEM)
                .map(p -> p == Party.COORDINATOR ? "working group's coordinator" : p.name().toLowerCase()).toList());
    }
}
