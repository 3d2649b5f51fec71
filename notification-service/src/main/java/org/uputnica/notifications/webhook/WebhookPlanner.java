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
        return queue(event, notice.recipient().agency(), item.id, EventJson.write(event), now);
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
        for (String agency : new java.util.TreeSet<>(agencies)) { // one order of the subscriptions' row locks
            queued += queue(event, agency, null, payload, now);
        }
        return queued;
    }

    /**
     * One delivery per webhook of the agency that asked for the type and has not got this event yet. Each takes the
     * next of its webhook's event numbers (the row lock on the subscription keeps them in order and without gaps):
     * an FHIR notification's {@code event-number}. Both intake channels take the event feed's writers' lock
     * ({@link org.uputnica.notifications.feed.EventFeed#append}) before they come here, so these row locks are taken
     * one transaction at a time and cannot deadlock.
     */
    private int queue(EventEnvelope event, String agency, java.util.UUID item, String payload, OffsetDateTime now) {
        return em.createNativeQuery("""
                        with target as (
                            update webhook_subscription s set events_planned = s.events_planned + 1
                            where s.agency = :agency and s.removed_at is null and :type = any(s.event_types)
                              and not exists (select 1 from webhook_delivery d
                                              where d.subscription_id = s.id and d.event_id = :event)
                            returning s.id, s.events_planned)
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, inbox_item_id, payload,
                                                      status, attempts, window_attempts, retry_from, next_attempt_at,
                                                      created_at, event_number)
                        select gen_random_uuid(), t.id, :event, :type, cast(nullif(:item, '') as uuid), :payload, 'PENDING', 0, 0,
                               :now, :now, :now, t.events_planned
                        from target t
                        on conflict do nothing""")
                .setParameter("event", event.id())
                .setParameter("type", event.type())
                .setParameter("item", item == null ? "" : item.toString())
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("agency", agency)
                .executeUpdate();
    }
}
