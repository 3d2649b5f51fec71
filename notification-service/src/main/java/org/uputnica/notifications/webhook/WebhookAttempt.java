package org.uputnica.notifications.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One attempt of a delivery and the endpoint's answer: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int attempt;

    public OffsetDateTime at;

    /** Null when no HTTP answer came (refused, timed out). */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms")
    public int durationMs;
}
