package org.uputnica.cases.access;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.cases.transfer.TransferApplier;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.platform.inbox.EventBatches;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;

import java.util.concurrent.CompletionStage;

/**
 * The referral events the case-service applies, each once: every referral of a case it owns updates the access
 * other agencies have to it ({@link CollaborationTracker}), and an accepted transfer moves the case
 * ({@link TransferApplier}). Overdue and escalated events change nothing here and cost no transaction; the rest come in batches, one transaction each.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    /** Kept from when only transfers were applied, so that events already applied are not applied again. */
    static final String CONSUMER = "case-service.transfers";

    @Inject
    EventBatches batches;

    @Inject
    CollaborationTracker collaborations;

    @Inject
    TransferApplier transfers;

    /** A batch at a time, in its records' order, in one transaction ({@link EventBatches}). */
    @Incoming("referral-events")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CONSUMER, batch, Topic.REFERRAL_EVENTS, ReferralEventsConsumer::applies, event -> {
            collaborations.apply(event);
            transfers.apply(event);
        });
    }

    static boolean applies(String type) {
        return EventType.fromValue(type)
                .filter(t -> t.topic() == Topic.REFERRAL_EVENTS && t.aboutAReferral())
                .filter(t -> t != EventType.REFERRAL_OVERDUE && t != EventType.REFERRAL_ESCALATED)
                .isPresent();
    }
}
