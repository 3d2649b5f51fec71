package org.uputnica.referrals.workinggroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link GroupStatistics} in the database (one pass per breakdown), for referrals sent in the period. */
@ApplicationScoped
public class GroupStatisticsQuery {

    @Inject
    EntityManager em;

    @Transactional
    public GroupStatistics of(String group, OffsetDateTime from, OffsetDateTime to) {
        return new GroupStatistics(group, from, to,
                count(group, from, to),
                countBy("status", group, from, to),
                countBy("service", group, from, to),
                countBy("urgency", group, from, to),
                countBy("outcome", group, from, to),
                countBy("decline_code", group, from, to),
                countWhere("sharing_basis = 'LEGAL_BASIS'", group, from, to),
                agencies(group, from, to));
    }

    private static final String IN_PERIOD =
            " from referral where working_group = :group and sent_at >= :from and sent_at < :to";

    private long count(String group, OffsetDateTime from, OffsetDateTime to) {
        return countWhere("true", group, from, to);
    }

    private long countWhere(String condition, String group, OffsetDateTime from, OffsetDateTime to) {
        return ((Number) em.createNativeQuery("select count(*)" + IN_PERIOD + " and " + condition)
                .setParameter("group", group).setParameter("from", from).setParameter("to", to)
                .getSingleResult()).longValue();
    }

    /** {@code column} is one of the fixed names above, never user input. */
    private Map<String, Long> countBy(String column, String group, OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + column + ", count(*)" + IN_PERIOD + " and " + column
                        + " is not null group by " + column + " order by " + column)
                .setParameter("group", group).setParameter("from", from).setParameter("to", to)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private List<GroupStatistics.AgencyFigures> agencies(String group, OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select to_agency,
                               count(*),
                               count(acknowledged_at),
                               count(*) filter (where status in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED')),
                               count(*) filter (where status = 'DECLINED'),
                               count(*) filter (where status = 'COMPLETED'),
                               count(*) filter (where status in ('SENT', 'ACKNOWLEDGED', 'ESCALATED')),
                               percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - sent_at)),
                               percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - sent_at)),
                               percentile_cont(0.5) within group (order by extract(epoch from answered_at - sent_at)),
                               percentile_cont(0.9) within group (order by extract(epoch from answered_at - sent_at))
                        """ + IN_PERIOD + " group by to_agency order by to_agency")
                .setParameter("group", group).setParameter("from", from).setParameter("to", to)
                .getResultList();
        return rows.stream().map(r -> new GroupStatistics.AgencyFigures((String) r[0], n(r[1]), n(r[2]), n(r[3]),
                n(r[4]), n(r[5]), n(r[6]), hours(r[7]), hours(r[8]), hours(r[9]), hours(r[10]))).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double hours(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 36.0) / 100.0;
    }
}
