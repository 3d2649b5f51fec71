package org.uputnica.notifications.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One notice in an agency's inbox. See V1__inbox.sql. Ids and codes only: no personal data is ever stored here. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "recipient_agency")
    public String recipientAgency;

    /** Null: for everyone in the agency. */
    @Column(name = "recipient_user")
    public String recipientUser;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_id")
    public UUID caseId;

    public String urgency;

    public String service;

    /** The referral's status after the change. */
    public String status;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** The subject id of the user who read it first. */
    @Column(name = "read_by")
    public String readBy;
}
