package org.uputnica.notifications.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.events.EventEnvelope;
import org.uputnica.notifications.inbox.InboxItems;
import org.uputnica.notifications.routing.Notice;
import org.uputnica.notifications.routing.NoticeRouting;
import org.uputnica.platform.inbox.EventInbox;

/**
 * Turns referral events into inbox items, one per notice that {@link NoticeRouting} names. Each event is applied once (the {@link EventInbox} remembers its id in
 * the same transaction as the items), so redeliveries after a crash or a rebalance add nothing. A message that is
 * not a valid referral event fails and goes to the dead-letter topic; the consumer carries on with the next one.
 */
@ApplicationScoped
public class ReferralEventsConsumer {
    /** Under this name the service remembers applied events (processed_event.consumer). */
    public static final String CONSUMER = "notification-service";

    @Inject
    EventInbox inbox;

    @Inject
    InboxItems items;

    @Incoming("referral-events")
    @Blocking // ordered (the default): one event at a time, so a referral's items follow its events' order
    public void consume(String message) {
        inbox.handle(CONSUMER, message, this::route);
    }

    void route(EventEnvelope event) {
        for (Notice notice : NoticeRouting.route(event)) {
            items.deliver(event, notice);
        }
    }
}
