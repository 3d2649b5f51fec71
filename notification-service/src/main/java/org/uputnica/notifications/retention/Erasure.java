package org.uputnica.notifications.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.uputnica.notifications.feed.EventFeed;
import org.uputnica.platform.retention.BatchedErasure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * Erases what has outlived its retention period ({@link RetentionConfig}), in batches ({@link BatchedErasure}).
 */
@ApplicationScoped
public class Erasure {
    private static final Logger LOG = Logger.getLogger(Erasure.class);

    private final EntityManager em;
    private final Clock clock;
    private final RetentionConfig config;
    private final EventFeed feed;

    public Erasure(EntityManager em, Clock clock, RetentionConfig config, EventFeed feed) {
        this.em = em;
        this.feed = feed;
        this.clock = clock;
        this.config = config;
    }

    /** What one run erased. */
    public record Erased(int webhookDeliveries, int emailDeliveries, int inboxItems, int feedEvents) {
    }

    @Scheduled(identity = "notification-erasure", every = "${uputnica.retention.interval:1h}", delayed = "1m")
    void scheduled() {
        Erased erased = eraseExpired();
        if (erased.webhookDeliveries() + erased.emailDeliveries() + erased.inboxItems() + erased.feedEvents() > 0) {
            LOG.infof("erased after their retention period: %s", erased);
        }
    }

    public Erased eraseExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int webhooks = inBatches(before(now, config.webhookDeliveries()), """
                with gone as (select id from webhook_delivery where created_at < :before limit :batch),
                     attempts as (delete from webhook_attempt where delivery_id in (select id from gone))
                delete from webhook_delivery where id in (select id from gone)""");
        int emails = inBatches(before(now, config.emailDeliveries()), """
                delete from email_delivery where id in (select id from email_delivery where created_at < :before limit :batch)""");
        OffsetDateTime itemsBefore = before(now, config.inboxItems());
        // what still points at an expiring item goes with it, whatever its own period
        inBatches(itemsBefore, """
                with gone as (select d.id from webhook_delivery d join inbox_item i on i.id = d.inbox_item_id
                              where i.created_at < :before limit :batch),
                     attempts as (delete from webhook_attempt where delivery_id in (select id from gone))
                delete from webhook_delivery where id in (select id from gone)""");
        inBatches(itemsBefore, """
                delete from email_delivery where id in (select e.id from email_delivery e join inbox_item i on i.id = e.inbox_item_id
                                                        where i.created_at < :before limit :batch)""");
        int items = inBatches(itemsBefore, """
                delete from inbox_item where id in (select id from inbox_item where created_at < :before limit :batch)""");
        int feedEvents = feed.eraseReceivedBefore(before(now, config.feedEvents()));
        return new Erased(webhooks, emails, items, feedEvents);
    }

    private static OffsetDateTime before(OffsetDateTime now, Period period) {
        return now.minus(period);
    }

    private int inBatches(OffsetDateTime before, String sql) {
        return BatchedErasure.erase(em, before, sql);
    }
}
