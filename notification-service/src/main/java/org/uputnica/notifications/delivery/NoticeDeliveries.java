package org.uputnica.notifications.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.notifications.email.EmailDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The deliveries of one inbox item through the other channels, for the status the inbox shows. */
@ApplicationScoped
public class NoticeDeliveries {

    public List<DeliveryView> of(UUID inboxItemId) {
        List<DeliveryView> views = new ArrayList<>();
        EmailDelivery.<EmailDelivery>list("inboxItemId = ?1 order by createdAt, id", inboxItemId).forEach(d ->
                views.add(new DeliveryView(d.id, "EMAIL", Addresses.masked(d.address), d.status, d.attempts,
                        d.lastError, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.sentAt)));
        return views;
    }
}
