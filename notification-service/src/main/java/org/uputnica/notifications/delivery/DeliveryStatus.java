package org.uputnica.notifications.delivery;

/** Where a delivery through a channel stands. */
public enum DeliveryStatus {
    /** Not yet delivered: due at its next attempt (the first one, or a retry after a failure). */
    PENDING,
    /** Delivered: the mail server took the e-mail, or the endpoint answered 2xx. */
    SENT,
    /** Given up after its retries; the reason is kept. Webhook deliveries here are parked and can be replayed. */
    FAILED
}
