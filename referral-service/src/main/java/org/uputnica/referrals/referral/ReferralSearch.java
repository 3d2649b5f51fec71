package org.uputnica.referrals.referral;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.http.QueryParams;
import org.uputnica.platform.input.Dates;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.deadline.DeadlineState;
import org.uputnica.referrals.referral.ReferralWorkflow.Direction;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The referral list of {@code GET /api/v1/referrals}: the caller's direction, then filters by status, urgency,
 * service, sending period and lateness, in one of a few orders, a page at a time.
 */
@ApplicationScoped
public class ReferralSearch {

    /** The orders of the list; every one ends on the id, so pages never overlap. */
    public enum Order {
        /** Newest first (by when it was made): the default. */
        NEWEST("r.createdAt desc, r.id"),
        OLDEST("r.createdAt, r.id"),
        /** Sent first by sending time; drafts last. */
        SENT("r.sentAt desc nulls last, r.id"),
        /** EMERGENCY, then URGENT, then ROUTINE; newest first within each. */
        URGENCY("case r.urgency when 'EMERGENCY' then 0 when 'URGENT' then 1 else 2 end, r.createdAt desc, r.id"),
        STATUS("r.status, r.createdAt desc, r.id");

        final String hql;

        Order(String hql) {
            this.hql = hql;
        }
    }

    /** The filters beyond direction; a null member filters nothing. Days are UTC days, as in the statistics. */
    public record Criteria(ReferralStatus status, Urgency urgency, ServiceType service, LocalDate sentFrom,
                           LocalDate sentTo, Boolean overdue, Order order) {

        /** From query parameters; a bad value is a 400 naming its parameter. */
        public static Criteria parse(String status, String urgency, String service, String sentFrom, String sentTo,
                                     String overdue, String sort) {
            LocalDate from = day("sentFrom", sentFrom);
            LocalDate to = day("sentTo", sentTo);
            if (from != null && to != null && from.isAfter(to)) {
                throw ProblemException.invalidField("sentFrom", "must not be after sentTo");
            }
            return new Criteria(QueryParams.enumValue("status", status, ReferralStatus.class, null),
                    QueryParams.enumValue("urgency", urgency, Urgency.class, null),
                    QueryParams.enumValue("service", service, ServiceType.class, null), from, to,
                    overdue == null || overdue.isEmpty() ? null : QueryParams.booleanValue("overdue", overdue, false),
                    QueryParams.enumValue("sort", sort, Order.class, Order.NEWEST));
        }

        private static LocalDate day(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Dates.date(value.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(name, "must be a date YYYY-MM-DD");
            }
        }
    }

    @Transactional
    public ReferralView.Page list(Caller caller, Direction direction, Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (direction != Direction.COORDINATED && !caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(ProblemType.FORBIDDEN,
                    "an agency's referrals are listed for its caseworkers and supervisors; coordinators use COORDINATED");
        }
        switch (direction) {
            case INCOMING -> {
                where.append("r.toAgency = ?1 and r.status <> ?2");
                params.add(caller.agency());
                params.add(ReferralStatus.DRAFT);
            }
            case OUTGOING -> {
                where.append("r.fromAgency = ?1");
                params.add(caller.agency());
            }
            case COORDINATED -> {
                if (!caller.hasRole(Roles.COORDINATOR)) {
                    throw ProblemException.forbidden(ProblemType.FORBIDDEN, "only coordinators follow working groups");
                }
                where.append("r.workingGroup in ?1 and r.status <> ?2");
                params.add(caller.workingGroups().isEmpty() ? Set.of("-") : caller.workingGroups());
                params.add(ReferralStatus.DRAFT);
            }
        }
        and(where, params, "r.status = ?", c.status());
        and(where, params, "r.urgency = ?", c.urgency());
        and(where, params, "r.service = ?", c.service());
        and(where, params, "r.sentAt >= ?",
                c.sentFrom() == null ? null : c.sentFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
        and(where, params, "r.sentAt < ?",
                c.sentTo() == null ? null : c.sentTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        if (c.overdue() != null) {
            // late: a deadline passed and still unmet (what the working group's overdue list shows)
            where.append(c.overdue() ? " and " : " and not ")
                    .append("exists (select 1 from ReferralDeadline d where d.referralId = r.id and d.state in ?")
                    .append(params.size() + 1).append(")");
            params.add(DeadlineState.LATE);
        }
        Order order = c.order() == null ? Order.NEWEST : c.order();
        var query = Referral.<Referral>find("from Referral r where " + where + " order by " + order.hql,
                params.toArray());
        List<ReferralView> items = query.page(Page.of(page, size)).list().stream()
                .map(r -> ReferralView.of(r, caller)).toList();
        return new ReferralView.Page(items, page, size, query.count());
    }

    private static void and(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition).append(params.size() + 1);
            params.add(value);
        }
    }
}
