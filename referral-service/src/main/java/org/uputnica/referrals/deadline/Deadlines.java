package org.uputnica.referrals.deadline;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.referral.Referral;
import org.uputnica.referrals.referral.ReferralQueries;
import org.uputnica.referrals.workinggroup.WorkingGroup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reading deadlines: a referral's own, for its parties, and a working group's late ones, for its coordinator. */
@ApplicationScoped
public class Deadlines {
    public static final String NOT_COORDINATOR = ProblemType.of("not-coordinator");

    @Inject
    ReferralQueries referrals;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The deadlines of a referral, in the order they started; 403 for a caller who may not see the referral. */
    @Transactional
    public List<DeadlineView> ofReferral(Caller caller, UUID referralId) {
        referrals.find(caller, referralId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return ReferralDeadline.<ReferralDeadline>list("referralId", Sort.by("createdAt").and("kind"), referralId)
                .stream().map(d -> DeadlineView.of(d, now)).toList();
    }

    /** A working group's overdue and escalated deadlines, the longest overdue first; for its coordinator only. */
    @Transactional
    public DeadlineView.OverduePage overdue(Caller caller, String workingGroup, int page, int size) {
        if (WorkingGroup.findById(workingGroup) == null) {
            throw ProblemException.notFound("no working group " + workingGroup);
        }
        if (!caller.coordinates(workingGroup)) {
            throw ProblemException.forbidden(NOT_COORDINATOR,
                    "only the coordinator of " + workingGroup + " sees its overdue referrals");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String from = "from ReferralDeadline d, Referral r where r.id = d.referralId and r.workingGroup = :group "
                + "and d.state in :late";
        List<Object[]> rows = em.createQuery("select d, r " + from + " order by d.dueAt, d.id", Object[].class)
                .setParameter("group", workingGroup)
                .setParameter("late", DeadlineState.LATE)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em.createQuery("select count(d) " + from, Long.class)
                .setParameter("group", workingGroup)
                .setParameter("late", DeadlineState.LATE)
                .getSingleResult();
        List<DeadlineView.Overdue> items = rows.stream()
                .map(row -> DeadlineView.Overdue.of((ReferralDeadline) row[0], (Referral) row[1], now)).toList();
        return new DeadlineView.OverduePage(workingGroup, items, page, size, total);
    }
}
