package org.uputnica.referrals.protocol;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A protocol's code and its current version. Its versions are {@link ProtocolVersion}s; this row exists so that
 * publishing a version can lock the protocol and number versions without gaps or collisions.
 */
@Entity
@Table(name = "protocol")
public class Protocol extends PanacheEntityBase {
    @Id
    public String code;

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
