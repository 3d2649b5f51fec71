package org.uputnica.cases.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads the access audit of a case ("who saw this child's data"). */
@ApplicationScoped
public class AccessLog {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AccessRecord> of(UUID caseId, OffsetDateTime from, OffsetDateTime to, String agency, int offset,
                                 int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select at, user_id, username, agency, roles, action, basis, basis_id, purpose
                        from personal_data_access
                        where case_id = :caseId
                          and at >= coalesce(cast(:from as timestamptz), '-infinity')
                          and at < coalesce(cast(:to as timestamptz), 'infinity')
                          and (cast(:agency as varchar) is null or agency = cast(:agency as varchar))
                        order by at, id
                        offset :offset limit :limit""")
                .setParameter("caseId", caseId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("agency", agency)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new AccessRecord(toOffset(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (UUID) r[7], (String) r[8])).toList();
    }

    /** How many records the case's access log holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long count(UUID caseId) {
        return ((Number) em.createNativeQuery("select count(*) from personal_data_access where case_id = :caseId")
                .setParameter("caseId", caseId).getSingleResult()).longValue();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
