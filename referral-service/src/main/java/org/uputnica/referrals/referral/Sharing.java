package org.uputnica.referrals.referral;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.uputnica.events.SharedData;

import java.util.Set;
import java.util.UUID;

/**
 * What the sender shares with the receiver for this service, and on what ground: the person's (or guardian's)
 * consent, or a legal basis approved by a supervisor. A referral without one cannot be sent.
 *
 * @param consentId        the consent record in the case-service, when there is one
 * @param consentReference how the consent was given (e.g. "signed form 2026-11-23"), beside its record: without a
 *                         {@code consentId} it is refused (a reference can be neither checked nor withdrawn)
 * @param legalBasis       the provision that allows sharing without consent (e.g. urgent protection of a child)
 * @param data             the kinds of data shared: the minimum the receiver needs
 */
public record Sharing(
        @NotNull Basis basis,
        UUID consentId,
        @Size(max = 500) String consentReference,
        @Size(max = 1000) String legalBasis,
        @NotEmpty Set<SharedData> data) {

    public enum Basis { CONSENT, LEGAL_BASIS }
}
