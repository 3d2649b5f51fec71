package org.uputnica.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event waiting to be relayed. See V0_1__outbox_and_processed_events.sql. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "message_key")
    public String key;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Until when a relay has claimed the row; null when nobody has. */
    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;
}
