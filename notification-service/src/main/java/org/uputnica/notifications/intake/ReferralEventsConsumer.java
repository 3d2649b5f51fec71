package org.uputnica.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.events.EventEnvelope;
import org.uputnica.notifications.email.EmailPlanner;
import org.uputnica.notifications.feed.EventFeed;
import org.uputnica.notifications.feed.FeedAudience;
import org.uputnica.notifications.inbox.InboxItems;
import org.uputnica.notifications.routing.Notice;
import org.uputnica.notifications.routing.NoticeRouting;
import org.uputnica.notifications.webhook.WebhookPlanner;
import org.uputnica.platform.inbox.EventBatches;
import org.uputnica.platform.inbox.EventInbox;
import org.uputnica.events.Topic;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;

import java.util.concurrent.CompletionStage;

/**
 * Turns referral events into inbox items, one per notice that {@link NoticeRouting} names, queues their e-mails
 * and webhook calls, and adds them to the parties' event feed ({@link EventFeed}). Each event is applied once (the {@link EventInbox} remembers its id in the same transaction as
 * the items and deliveries), so redeliveries after a crash or a rebalance add nothing. Nothing is sent from here:
 * schedulers send the queued deliveries, so a slow channel never holds up the topic or the other channels. A
 * message that is not a valid referral event fails and goes to the dead-letter topic; the consumer carries on.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    /** Under this name the service remembers applied events (processed_event.consumer). */
    public static final String CONSUMER = "notification-service";

    @Inject
    EventBatches batches;

    @Inject
    InboxItems items;

    @Inject
    EmailPlanner emails;

    @Inject
    WebhookPlanner webhooks;

    @Inject
    EventFeed feed;

    /**
     * A batch at a time, in one transaction. Blocking and ordered (the default): batches one after another, each in
     * its records' order, so a referral's items follow its events' order. Every referral event is applied (and
     * remembered), even one that tells nobody: it costs no transaction of its own in a batch.
     */
    @Incoming("referral-events")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CONSUMER, batch, Topic.REFERRAL_EVENTS, type -> true, this::route);
    }

    void route(EventEnvelope event) {
        // the inbox item and the queued deliveries commit with the processed event: all of them, once, or none.
        // The feed first: its writers' lock is then taken before the webhooks' rows (WebhookPlanner draws event
        // numbers under their row locks), in the same order as the case events' intake, so the two cannot deadlock.
        feed.append(event, FeedAudience.of(event));
        for (Notice notice : NoticeRouting.route(event)) {
            items.deliver(event, notice).ifPresent(item -> {
                emails.plan(event, notice, item);
                webhooks.plan(event, notice, item);
            });
        }
    }
}
