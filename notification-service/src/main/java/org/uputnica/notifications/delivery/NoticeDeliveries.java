package org.uputnica.notifications.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.notifications.email.EmailDelivery;
import org.uputnica.notifications.webhook.WebhookDelivery;
import org.uputnica.notifications.webhook.WebhookSubscription;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The deliveries of one inbox item through the other channels, for the status the inbox shows. */
@ApplicationScoped
public class NoticeDeliveries {

    public List<DeliveryView> of(UUID inboxItemId) {
        List<DeliveryView> views = new ArrayList<>();
        EmailDelivery.<EmailDelivery>list("inboxItemId = ?1", inboxItemId).forEach(d ->
                views.add(new DeliveryView(d.id, "EMAIL", Addresses.masked(d.address), d.status, d.attempts,
                        d.lastError, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.sentAt)));
        WebhookDelivery.<WebhookDelivery>list("inboxItemId = ?1", inboxItemId).forEach(d -> {
            WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
            views.add(new DeliveryView(d.id, "WEBHOOK", host(s.url), d.status, d.attempts, d.lastError,
                    d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.sentAt));
        });
        views.sort(Comparator.comparing(DeliveryView::createdAt).thenComparing(DeliveryView::channel)
                .thenComparing(v -> v.id().toString()));
        return views;
    }

    /** Only the host: a webhook's path may carry a token of the integrator's, which colleagues need not see. */
    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "webhook" : host;
    }
}
