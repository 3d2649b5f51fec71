package org.uputnica.referrals.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One row of a service's opening hours (HSDS schedule), in the service's local time. */
@Embeddable
public class OpeningHoursEntry {
    @Enumerated(EnumType.STRING)
    public DayOfWeek weekday;

    @Column(name = "opens_at")
    public LocalTime opensAt;

    @Column(name = "closes_at")
    public LocalTime closesAt;

    public OpeningHoursEntry() {
    }

    public OpeningHoursEntry(DayOfWeek weekday, LocalTime opensAt, LocalTime closesAt) {
        this.weekday = weekday;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }
}
