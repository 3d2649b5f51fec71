package org.uputnica.referrals.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hl7.fhir.r4.model.Task;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.referrals.referral.Referral;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.ReferralView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /fhir/Task?owner=&requester=&status=&_lastUpdated=}: the referrals the caller is a party of (sent by
 * its agency, received by it once sent, or of a working group it coordinates), the latest change first.
 */
@ApplicationScoped
class TaskSearch {

    /** The search parameters; a null or empty member filters nothing. */
    record Criteria(String owner, String requester, Set<ReferralStatus> statuses, OffsetDateTime after,
                    boolean afterInclusive, OffsetDateTime before, boolean beforeInclusive) {

        static Criteria parse(String owner, String requester, String status, List<String> lastUpdated) {
            Set<ReferralStatus> statuses = null;
            if (status != null && !status.isBlank()) {
                statuses = EnumSet.noneOf(ReferralStatus.class);
                for (String code : status.split(",")) {
                    Task.TaskStatus taskStatus;
                    try {
                        taskStatus = Task.TaskStatus.fromCode(code.strip());
                    } catch (Exception e) {
                        throw ProblemException.invalidField("status", "'" + code.strip() + "' is not a Task status");
                    }
                    statuses.addAll(FhirCodes.referralStatuses(taskStatus));
                }
            }
            OffsetDateTime after = null;
            OffsetDateTime before = null;
            boolean afterInclusive = true;
            boolean beforeInclusive = false;
            for (String value : lastUpdated == null ? List.<String>of() : lastUpdated) {
                if (value == null || value.isBlank()) {
                    continue;
                }
                String v = value.strip();
                String prefix = v.length() > 2 && Character.isLetter(v.charAt(0)) ? v.substring(0, 2) : "eq";
                String at = prefix.equals("eq") && Character.isDigit(v.charAt(0)) ? v : v.substring(2);
                Instant range = instant(at);
                switch (prefix) {
                    case "ge" -> { after = range.start; afterInclusive = true; }
                    case "gt" -> { after = range.end; afterInclusive = true; }
                    case "le" -> { before = range.end; beforeInclusive = false; }
                    case "lt" -> { before = range.start; beforeInclusive = false; }
                    case "eq" -> { after = range.start; afterInclusive = true; before = range.end; beforeInclusive = false; }
                    default -> throw ProblemException.invalidField("_lastUpdated",
                            "takes the prefixes eq, ge, gt, le and lt");
                }
            }
            return new Criteria(agency(owner, "owner"), agency(requester, "requester"), statuses, after,
                    afterInclusive, before, beforeInclusive);
        }

        private static String agency(String value, String name) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String alias = ReferralBundle.agencyId(value);
            if (alias == null) {
                throw ProblemException.invalidField(name, "must be Organization/{alias} or an agency's alias");
            }
            return alias;
        }

        /** A day covers the whole UTC day; a dateTime (with its offset) is one instant. */
        private record Instant(OffsetDateTime start, OffsetDateTime end) {
        }

        private static Instant instant(String value) {
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    return new Instant(day.atStartOfDay().atOffset(ZoneOffset.UTC),
                            day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                }
                OffsetDateTime at = OffsetDateTime.parse(value);
                return new Instant(at, at.plusNanos(1000));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("_lastUpdated", "must be a date (YYYY-MM-DD) or a dateTime "
                        + "with its offset, after an optional prefix eq, ge, gt, le or lt");
            }
        }
    }

    record Result(List<ReferralView> items, long total) {
    }

    @Transactional
    public Result search(Caller caller, Criteria c, int offset, int count) {
        StringBuilder where = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        params.add(ReferralStatus.DRAFT);
        if (caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            params.add(caller.agency());
            visible.add("r.fromAgency = ?2");
            visible.add("(r.toAgency = ?2 and r.status <> ?1)");
        }
        if (caller.hasRole(Roles.COORDINATOR) && !caller.workingGroups().isEmpty()) {
            params.add(caller.workingGroups());
            visible.add("(r.workingGroup in ?" + params.size() + " and r.status <> ?1)");
        }
        if (visible.isEmpty() || c.statuses() != null && c.statuses().isEmpty()) {
            return new Result(List.of(), 0);
        }
        where.append(String.join(" or ", visible)).append(")");
        and(where, params, "r.toAgency = ?", c.owner());
        and(where, params, "r.fromAgency = ?", c.requester());
        and(where, params, "r.status in ?", c.statuses());
        and(where, params, c.afterInclusive() ? "r.updatedAt >= ?" : "r.updatedAt > ?", c.after());
        and(where, params, c.beforeInclusive() ? "r.updatedAt <= ?" : "r.updatedAt < ?", c.before());
        var query = Referral.<Referral>find("from Referral r where " + where + " order by r.updatedAt desc, r.id",
                params.toArray());
        long total = query.count();
        List<ReferralView> items = query.range(offset, offset + count - 1).list().stream()
                .map(r -> ReferralView.of(r, caller)).toList();
        return new Result(items, total);
    }

    private static void and(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition).append(params.size() + 1);
            params.add(value);
        }
    }
}
