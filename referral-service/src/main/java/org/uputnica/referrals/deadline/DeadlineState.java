package org.uputnica.referrals.deadline;

import java.util.EnumSet;
import java.util.Set;

/**
 * PENDING until it is met, cancelled or passes; OVERDUE once it passed (the parties were told); ESCALATED when it
 * stayed unmet for the protocol's escalation period after that. MET and CANCELLED are final. An overdue or escalated
 * deadline can still be met, late: the answer is what counts, and how late it came is kept.
 */
public enum DeadlineState {
    PENDING, OVERDUE, ESCALATED, MET, CANCELLED;

    /** Still waiting for what it waits for. */
    public static final Set<DeadlineState> UNMET = EnumSet.of(PENDING, OVERDUE, ESCALATED);

    /** Passed and still unmet: what a working group's overdue list shows. */
    public static final Set<DeadlineState> LATE = EnumSet.of(OVERDUE, ESCALATED);
}
