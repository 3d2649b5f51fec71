package org.uputnica.referrals.deadline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.referrals.referral.Referral;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral's deadline as its parties see it. */
public record DeadlineView(
        DeadlineKind kind,
        DeadlineState state,
        OffsetDateTime dueAt,
        @Schema(description = "When it escalates to the coordinator if still unmet") OffsetDateTime escalateAt,
        OffsetDateTime overdueAt,
        OffsetDateTime escalatedAt,
        OffsetDateTime metAt,
        OffsetDateTime cancelledAt,
        @Schema(description = "ISO-8601: how far past due it is (unmet) or was when met; null when not late",
                example = "PT26H30M") String late,
        String protocolCode,
        int protocolVersion) {

    static DeadlineView of(ReferralDeadline d, OffsetDateTime now) {
        return new DeadlineView(d.kind, d.state, d.dueAt, d.escalateAt, d.overdueAt, d.escalatedAt, d.metAt,
                d.cancelledAt, iso(d.lateness(now)), d.protocolCode, d.protocolVersion);
    }

    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /** One late deadline on a working group's overdue list, with what the coordinator needs to act on it. */
    public record Overdue(
            UUID referralId,
            String fromAgency,
            String toAgency,
            ServiceType service,
            Urgency urgency,
            ReferralStatus status,
            DeadlineKind deadline,
            DeadlineState state,
            OffsetDateTime dueAt,
            OffsetDateTime escalateAt,
            @Schema(description = "ISO-8601: how far past due it is now", example = "PT26H30M") String late,
            String protocolCode,
            int protocolVersion) {

        static Overdue of(ReferralDeadline d, Referral r, OffsetDateTime now) {
            return new Overdue(r.id, r.fromAgency, r.toAgency, r.service, r.urgency, r.status, d.kind, d.state,
                    d.dueAt, d.escalateAt, iso(d.lateness(now)), d.protocolCode, d.protocolVersion);
        }
    }

    public record OverduePage(String workingGroup, List<Overdue> items, int page, int size, long total) {
    }
}
