package org.uputnica.notifications.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A mailbox of an agency that receives its notices by e-mail, registered by the agency's admin. */
@Entity
@Table(name = "agency_email_recipient")
public class AgencyEmailRecipient extends PanacheEntityBase {
    @Id
    public UUID id;

    public String agency;

    public String email;

    /** A {@link org.uputnica.notifications.language.Language} tag. */
    public String language;

    /** Null: the agency's shared notices; set: only the notices addressed to that role in the agency. */
    public String role;

    /** NoticeKind names to send; null for all. */
    public String[] kinds;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
