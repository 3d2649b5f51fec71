package org.uputnica.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * The loop every retention erasure shares: a delete of at most {@link #BATCH} rows older than {@code :before}, each
 * in its own short transaction, until a batch comes back short. A plain delete needs no claim: instances that run it
 * at once delete the same rows once. The statement names {@code :before} and {@code :batch}, e.g.
 * {@code delete from t where id in (select id from t where at < :before limit :batch)}.
 */
public final class BatchedErasure {
    public static final int BATCH = 5_000;

    private BatchedErasure() {
    }

    /** @return how many rows the statement deleted in all */
    public static int erase(EntityManager em, OffsetDateTime before, String sql) {
        int total = 0;
        int erased;
        do {
            erased = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter("before", before).setParameter("batch", BATCH).executeUpdate());
            total += erased;
        } while (erased == BATCH);
        return total;
    }
}
