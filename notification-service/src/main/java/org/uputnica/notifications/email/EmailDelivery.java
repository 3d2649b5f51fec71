package org.uputnica.notifications.email;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.uputnica.notifications.delivery.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One e-mail of one notice to one address; see V3__email.sql. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "inbox_item_id")
    public UUID inboxItemId;

    public String address;

    public String language;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
