package org.uputnica.referrals.referral;

import org.uputnica.events.SharedData;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.consent.ConsentTerms;
import org.uputnica.referrals.protocol.ProtocolTerms;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every rule on whether personal data may leave the owner agency with a referral. Pure functions of what the
 * sending pipeline has already read (caller, kind, {@link Sharing}, consent terms, protocol terms, today); each
 * throws the problem of the first rule broken. The shape of the body ({@code basis} given, {@code data} not empty,
 * text lengths) is bean validation on {@link Sharing}, since the OpenAPI document publishes it.
 * <ul>
 *   <li>A referral is sent only with a sharing basis: consent or a legal basis.</li>
 *   <li>Consent is shared under its record ({@code consentId}), which can be checked and withdrawn; a free-text
 *       {@code consentReference} alone is refused. The record must allow this sending: the same case, the receiver
 *       or its kind named, valid today, every shared kind covered, not withdrawn.</li>
 *   <li>A legal basis is named and sent by a supervisor.</li>
 *   <li>A transfer hands over the whole file: a supervisor sends it, it shares every kind of data, and it is never
 *       forwarded.</li>
 *   <li>The referral shares at least what its governing protocol requires.</li>
 * </ul>
 */
public final class SharingPolicy {
    public static final String NO_SHARING_BASIS = ProblemType.of("no-sharing-basis");
    public static final String SUPERVISOR_APPROVAL = ProblemType.of("supervisor-approval-required");
    public static final String CONSENT_RECORD_REQUIRED = ProblemType.of("consent-record-required");
    public static final String CONSENT_NOT_VALID = ProblemType.of("consent-not-valid");
    public static final String TRANSFER_NEEDS_WHOLE_FILE = ProblemType.of("transfer-needs-whole-file");
    public static final String TRANSFER_NOT_FORWARDABLE = ProblemType.of("transfer-not-forwardable");
    public static final String PROTOCOL_REQUIREMENTS_UNMET = ProblemType.of("protocol-requirements-unmet");

    private SharingPolicy() {
    }

    /** The basis itself: given, by whom, and for a transfer the whole file. 409, 403 or 400. */
    public static void requireBasis(Caller caller, ReferralKind kind, Sharing sharing) {
        if (sharing == null) {
            throw ProblemException.conflict(NO_SHARING_BASIS, "a referral can be sent only with the "
                    + "person's consent or a legal basis for sharing their data: give 'sharing'");
        }
        if (kind == ReferralKind.TRANSFER && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(SUPERVISOR_APPROVAL,
                    "a transfer hands the whole case to another agency: a supervisor of the owning agency sends it");
        }
        switch (sharing.basis()) {
            case CONSENT -> requireConsentRecord(sharing);
            case LEGAL_BASIS -> {
                if (sharing.legalBasis() == null || sharing.legalBasis().isBlank()) {
                    throw ProblemException.invalidField("sharing.legalBasis",
                            "name the legal basis for sharing without consent");
                }
                if (!caller.hasRole(Roles.SUPERVISOR)) {
                    throw ProblemException.forbidden(SUPERVISOR_APPROVAL,
                            "sharing without consent must be sent by a supervisor, who approves it");
                }
            }
        }
        if (kind == ReferralKind.TRANSFER) {
            Set<SharedData> missing = EnumSet.allOf(SharedData.class);
            missing.removeAll(sharing.data());
            if (!missing.isEmpty()) {
                throw ProblemException.conflict(TRANSFER_NEEDS_WHOLE_FILE, "a transfer discloses the whole file: "
                        + "sharing.data must name every kind of data, under a consent that covers them all or a "
                        + "legal basis (missing: " + String.join(", ", missing.stream().map(Enum::name).toList()) + ")");
            }
        }
    }

    /** A transfer is never forwarded: the new receiver would become the case's owner, an agency the owner never chose. */
    public static void requireForwardable(ReferralKind kind) {
        if (kind == ReferralKind.TRANSFER) {
            throw ProblemException.conflict(TRANSFER_NOT_FORWARDABLE, "a transfer of a case cannot be forwarded: "
                    + "decline it, and the owning agency may transfer the case to another agency itself");
        }
    }

    /** Whether the sending needs a consent record checked: only a basis of consent does. */
    public static boolean needsConsentRecord(Sharing sharing) {
        return sharing != null && sharing.basis() == Sharing.Basis.CONSENT;
    }

    /** The case-service had no such consent for the case (nor has the projection): 409. */
    public static ConsentTerms requireRecorded(Optional<ConsentTerms> terms, UUID consentId, UUID caseId) {
        return terms.orElseThrow(() -> ProblemException.conflict(CONSENT_NOT_VALID,
                "no consent " + consentId + " was recorded for case " + caseId));
    }

    /** The case-service keeps the consent from the sending agency: 409, as for a consent that does not allow it. */
    public static ProblemException consentNotShown(UUID consentId) {
        return ProblemException.conflict(CONSENT_NOT_VALID, "consent " + consentId
                + " cannot be confirmed: the case-service does not show it to your agency");
    }

    /**
     * The consent record allows sending {@code shared} data of {@code caseId} to {@code receiver} (of directory kind
     * {@code receiverKind}) on {@code today}: 409 {@code consent-not-valid} naming every condition it fails.
     */
    public static void requireConsentAllows(ConsentTerms terms, UUID caseId, String receiver, String receiverKind,
                                            Collection<SharedData> shared, LocalDate today) {
        List<String> failures = terms.failures(caseId, receiver, receiverKind, shared, today);
        if (!failures.isEmpty()) {
            throw ProblemException.conflict(CONSENT_NOT_VALID, String.join("; ", failures));
        }
    }

    /** The referral shares at least what the protocol governing it requires: 409 naming {@code sharing.data}. */
    public static void requireProtocolData(ProtocolTerms protocol, Sharing sharing) {
        Set<SharedData> missing = EnumSet.noneOf(SharedData.class);
        missing.addAll(protocol.requiredSharedData());
        if (sharing != null) {
            missing.removeAll(sharing.data());
        }
        if (!missing.isEmpty()) {
            String message = "must include " + missing.stream().sorted().map(Enum::name).toList()
                    + ", as protocol " + protocol.code() + " version " + protocol.version() + " requires";
            throw new ProblemException(409, PROTOCOL_REQUIREMENTS_UNMET, "Conflict",
                    "the referral does not share what its protocol requires: sharing.data " + message,
                    List.of(new Problem.FieldError("sharing.data", message)));
        }
    }

    /**
     * Consent travels with its record. Also checked when a referral is forwarded: one sent under a consent reference
     * only (before records were required) is not sent further, since the new receiver's part cannot be checked.
     */
    public static void requireConsentRecord(Sharing sharing) {
        if (sharing != null && sharing.basis() == Sharing.Basis.CONSENT && sharing.consentId() == null) {
            throw ProblemException.conflict(CONSENT_RECORD_REQUIRED, "consent is shared under its record: record it "
                    + "in the case-service and give sharing.consentId (a consentReference alone can be neither "
                    + "checked nor withdrawn)");
        }
    }
}
