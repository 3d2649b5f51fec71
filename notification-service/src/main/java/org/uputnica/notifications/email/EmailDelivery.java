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

/** One e-mail of one notice, or one day's digest, to one address; see V3__email.sql and V5__digest.sql. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "event_id")
    public String eventId;

    /** The notice's item; null for a digest. */
    @Column(name = "inbox_item_id")
    public UUID inboxItemId;

    /** For a digest: the working group and the day it covers. */
    @Column(name = "working_group")
    public String workingGroup;

    @Column(name = "digest_day")
    public java.time.LocalDate digestDay;

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
