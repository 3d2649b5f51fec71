package org.uputnica.cases.linking;

import jakarta.validation.constraints.Size;

/** Confirming or rejecting a match suggestion, with why (kept for the deciding agency). */
public record Decision(@Size(max = 1000) String note) {
}
