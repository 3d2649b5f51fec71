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
}
