package org.uputnica.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.Topic;
import org.uputnica.notifications.feed.EventFeed;
import org.uputnica.notifications.feed.FeedAudience;
import org.uputnica.notifications.webhook.WebhookPlanner;
import org.uputnica.platform.inbox.EventBatches;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Case events (consents, transfers, record links) into the event feed of the agencies they name
 * ({@link FeedAudience}), and onto those agencies' webhooks that asked for the type. They make no inbox item and no
 * e-mail. As the referral intake: a batch in one transaction, each event once ({@code processed_event}), an event
 * from another source than the case-service or that names no agency parked on the dead-letter topic. The types the
 * feed does not carry (a case created, closed, anonymised) are validated and skipped.
 */
@ApplicationScoped
public class CaseEventsConsumer {
    private final EventBatches batches;
    private final EventFeed feed;
    private final WebhookPlanner webhooks;

    public CaseEventsConsumer(EventBatches batches, EventFeed feed, WebhookPlanner webhooks) {
        this.batches = batches;
        this.feed = feed;
        this.webhooks = webhooks;
    }

    @Incoming("case-events")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(ReferralEventsConsumer.CONSUMER, batch, Topic.CASE_EVENTS, FeedAudience::carries,
                this::apply);
    }

    void apply(EventEnvelope event) {
        Set<String> agencies = FeedAudience.of(event);
        if (feed.append(event, agencies)) {
            webhooks.plan(event, agencies);
        }
    }
}
