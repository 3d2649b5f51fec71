package org.uputnica.referrals.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One deadline of one referral, computed from the protocol version that governs it. */
@Entity
@Table(name = "referral_deadline")
public class ReferralDeadline extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public DeadlineKind kind;

    @Enumerated(EnumType.STRING)
    public DeadlineState state;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** When it escalates if still unmet: the due time plus the protocol's escalation period. */
    @Column(name = "escalate_at")
    public OffsetDateTime escalateAt;

    @Column(name = "protocol_code")
    public String protocolCode;

    @Column(name = "protocol_version")
    public int protocolVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "met_at")
    public OffsetDateTime metAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    /**
     * How far past due it is at {@code now} (unmet) or was when met; null when not late. Whole minutes: nobody
     * acts on seconds, and the lists read better.
     */
    public Duration lateness(OffsetDateTime now) {
        OffsetDateTime until = switch (state) {
            case MET -> metAt;
            case CANCELLED -> null;
            default -> now;
        };
        if (until == null || !until.isAfter(dueAt)) {
            return null;
        }
        return Duration.between(dueAt, until).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }
}
