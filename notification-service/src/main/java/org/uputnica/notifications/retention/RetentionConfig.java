package org.uputnica.notifications.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** How long the notification-service keeps what it wrote, {@code uputnica.retention.*}; docs/data-protection.md. */
@ConfigMapping(prefix = "uputnica.retention")
public interface RetentionConfig {

    /** Inbox items, from when they were written (with the e-mail and webhook records that point at them). */
    @WithDefault("P365D")
    Period inboxItems();

    /** E-mail deliveries (addresses, errors), from when they were queued. */
    @WithDefault("P90D")
    Period emailDeliveries();

    /** Webhook deliveries (the signed payload and the attempt log), from when they were queued. */
    @WithDefault("P30D")
    Period webhookDeliveries();

    /** Events of the event feed (ids and codes), from when they were received. */
    @WithDefault("P90D")
    Period feedEvents();

    /** How often the erasure runs. */
    @WithDefault("1h")
    String interval();
}
