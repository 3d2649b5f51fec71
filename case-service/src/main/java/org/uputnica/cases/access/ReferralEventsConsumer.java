package org.uputnica.cases.access;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.cases.transfer.TransferApplier;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.platform.inbox.EventInbox;

/**
 * The referral events the case-service applies, each once: every referral of a case it owns updates the access
 * other agencies have to it ({@link CollaborationTracker}), and an accepted transfer moves the case
 * ({@link TransferApplier}). Overdue and escalated events change nothing here and cost no transaction.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    /** Kept from when only transfers were applied, so that events already applied are not applied again. */
    static final String CONSUMER = "case-service.transfers";

    @Inject
    EventInbox inbox;

    @Inject
    CollaborationTracker collaborations;

    @Inject
    TransferApplier transfers;

    @Incoming("referral-events")
    @Blocking
    public void consume(String message) {
        inbox.handle(CONSUMER, message, Topic.REFERRAL_EVENTS, ReferralEventsConsumer::applies, event -> {
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
