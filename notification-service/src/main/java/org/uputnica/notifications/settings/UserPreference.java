package org.uputnica.notifications.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A user's own notification preferences; see V3__email.sql for why agency, roles and groups are copied here. */
@Entity
@Table(name = "user_preference")
public class UserPreference extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public String userId;

    public String agency;

    public String[] roles;

    @Column(name = "working_groups")
    public String[] workingGroups;

    /** Null: this user gets no e-mail. */
    public String email;

    /** A {@link org.uputnica.notifications.language.Language} tag. */
    public String language;

    /** NoticeKind names this user does not want by e-mail. */
    @Column(name = "email_muted_kinds")
    public String[] emailMutedKinds;

    /** A coordinator's daily digest of her working groups. */
    public boolean digest;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Null until the user enters the code sent to {@link #email}: nothing else is sent to it before. */
    @Column(name = "email_verified_at")
    public OffsetDateTime emailVerifiedAt;

    /** SHA-256 (hex) of the code sent to the address; null once verified. */
    @Column(name = "email_code_hash")
    public String emailCodeHash;

    @Column(name = "email_code_expires_at")
    public OffsetDateTime emailCodeExpiresAt;

    /** When the user last called this service with a token: agency, roles and groups were refreshed from it then. */
    @Column(name = "seen_at")
    public OffsetDateTime seenAt;

    /**
     * The condition on user_preference (a native query's where clause, with the parameter {@code :seenSince}) for a
     * user who may get e-mail: a verified address, and agency, roles and groups refreshed recently enough.
     */
    public static final String MAILABLE = "email is not null and email_verified_at is not null and seen_at >= :seenSince";
}
