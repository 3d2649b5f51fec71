package org.uputnica.cases.consent;

import jakarta.validation.constraints.Size;

/** Withdrawing a consent: who asked for it is recorded with the note. */
public record Withdrawal(@Size(max = 1000) String note) {
}
