package org.uputnica.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
}
