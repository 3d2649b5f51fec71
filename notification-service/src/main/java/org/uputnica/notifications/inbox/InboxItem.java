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

/**
 * One notice in an inbox: an agency's, a role's within an agency, or a working group's. See V1__inbox.sql and
 * V2__recipients.sql. Ids and codes only: no personal data is ever stored here.
 */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {
    @Id
    public UUID id;

    /** Null for a working group's item. */
    @Column(name = "recipient_agency")
    public String recipientAgency;

    /** Null: for everyone in the agency. */
    @Column(name = "recipient_user")
    public String recipientUser;

    /** Null: for every role; otherwise only holders of this role in the agency see it. */
    @Column(name = "recipient_role")
    public String recipientRole;

    /** Set: for the coordinators of this working group, whatever their agency. */
    @Column(name = "recipient_working_group")
    public String recipientWorkingGroup;

    /** {@link org.uputnica.notifications.routing.Recipient#key()}: unique with the event id. */
    @Column(name = "recipient_key")
    public String recipientKey;

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

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "previous_status")
    public String previousStatus;

    /** REFERRAL or TRANSFER. */
    @Column(name = "referral_kind")
    public String referralKind;

    public String outcome;

    public String deadline;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "related_referral_id")
    public UUID relatedReferralId;

    /** The working group that follows the referral (not necessarily the recipient). */
    @Column(name = "working_group")
    public String workingGroup;

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
