package org.uputnica.referrals.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReferralDeadlineTest {
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.UTC);

    static ReferralDeadline deadline(DeadlineState state) {
        ReferralDeadline d = new ReferralDeadline();
        d.state = state;
        d.dueAt = DUE;
        return d;
    }

    @Test
    void anUnmetDeadlineIsAsLateAsTheClockSaysInWholeMinutes() {
        assertNull(deadline(DeadlineState.PENDING).lateness(DUE.minusHours(1)));
        assertNull(deadline(DeadlineState.PENDING).lateness(DUE));
        assertEquals(Duration.ofMinutes(90), deadline(DeadlineState.OVERDUE).lateness(DUE.plusMinutes(90).plusSeconds(59)));
        assertEquals(Duration.ofHours(50), deadline(DeadlineState.ESCALATED).lateness(DUE.plusHours(50)));
    }

    @Test
    void aMetDeadlineKeepsHowLateItWasMetAndACancelledOneIsNeverLate() {
        ReferralDeadline met = deadline(DeadlineState.MET);
        met.metAt = DUE.plusHours(2);
        assertEquals(Duration.ofHours(2), met.lateness(DUE.plusDays(30)));
        met.metAt = DUE.minusHours(2);
        assertNull(met.lateness(DUE.plusDays(30)));
        assertNull(deadline(DeadlineState.CANCELLED).lateness(DUE.plusDays(30)));
    }
}
