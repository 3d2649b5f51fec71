package org.uputnica.cases.access;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Keep a closed referral's receiver's access until this day (inclusive). */
public record Extension(@NotNull LocalDate until) {
}
