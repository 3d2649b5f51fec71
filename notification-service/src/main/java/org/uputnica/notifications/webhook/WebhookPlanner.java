package org.uputnica.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.notifications.inbox.InboxItem;
import org.uputnica.notifications.routing.Notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Queues an event for the webhooks of each agency it tells, in the transaction that records the event. A webhook
 * receives what its agency's inbox receives (its role-addressed notices too), never another agency's events.
 * A working group's notice has no agency and goes to no webhook. Case events (consents, transfers, links) make no
 * inbox item: they go to the webhooks of the agencies the feed shows them to.
 */
@ApplicationScoped
public class WebhookPlanner {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** @return how many deliveries were queued (a webhook that already has this event gets it once) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(EventEnvelope event, Notice notice, InboxItem item) {
        if (notice.recipient().isWorkingGroup()) {
            return 0;
        }
        em.flush(); // the deliveries reference the item, written through the session a moment ago
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, inbox_item_id, payload,
                                                      status, attempts, window_attempts, retry_from, next_attempt_at,
                                                      created_at)
                        select gen_random_uuid(), s.id, :event, :type, :item, :payload, 'PENDING', 0, 0, :now, :now, :now
                        from webhook_subscription s
                        where s.agency = :agency and s.removed_at is null and :type = any(s.event_types)
                        on conflict do nothing""")
                .setParameter("event", event.id())
                .setParameter("type", event.type())
                .setParameter("item", item.id)
                .setParameter("payload", EventJson.write(event))
                .setParameter("now", now)
                .setParameter("agency", notice.recipient().agency())
                .executeUpdate();
    }

    /**
     * Queues an event that makes no inbox item (a case event of the feed) for the webhooks of each agency that may
     * see it ({@link org.uputnica.notifications.feed.FeedAudience}) and asked for its type.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(EventEnvelope event, Set<String> agencies) {
        if (agencies.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String payload = EventJson.write(event);
        int queued = 0;
        for (String agency : agencies) {
            queued += em.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                                                          attempts, window_attempts, retry_from, next_attempt_at, created_at)
                            select gen_random_uuid(), s.id, :event, :type, :payload, 'PENDING', 0, 0, :now, :now, :now
                            from webhook_subscription s
                            where s.agency = :agency and s.removed_at is null and :type = any(s.event_types)
                            on conflict do nothing""")
                    .setParameter("event", event.id())
                    .setParameter("type", event.type())
                    .setParameter("payload", payload)
                    .setParameter("now", now)
                    .setParameter("agency", agency)
                    .executeUpdate();
        }
        return queued;
    }
}
