package org.uputnica.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The consumer's memory of applied events (table processed_event), written in the transaction of the effect. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records that {@code consumer} applies {@code eventId}. Returns false when it was applied before; a concurrent
     * attempt waits on the primary key until the first one commits or rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        return em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        values (:consumer, :eventId, now())
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }

    /**
     * As {@link #firstTime}, for a batch in one statement: returns the ids of {@code eventIds} that {@code consumer}
     * had not applied before, now recorded as applied in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTimes(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        em.flush(); // the statement below goes around Hibernate's queue of writes
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as id
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                Set<String> first = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getString(1));
                    }
                }
                return first;
            } finally {
                ids.free();
            }
        });
    }
}
