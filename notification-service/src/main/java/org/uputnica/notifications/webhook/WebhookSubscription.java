package org.uputnica.notifications.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency's endpoint for events; see V4__webhooks.sql. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public UUID id;

    public String agency;

    public String url;

    /** {@code whsec_} and the base64 HMAC key, as Standard Webhooks writes secrets, sealed ({@link WebhookSecrets}). */
    public String secret;

    /** During a rotation, the secret before {@link #secret}, sealed: it still signs until it is retired. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;

    @Column(name = "event_types")
    public String[] eventTypes;

    public String description;

    /** {@link WebhookFormat#CLOUDEVENTS} or {@link WebhookFormat#FHIR}, as stored ({@code cloudevents}, {@code fhir}). */
    public String format = WebhookFormat.CLOUDEVENTS.value();

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
