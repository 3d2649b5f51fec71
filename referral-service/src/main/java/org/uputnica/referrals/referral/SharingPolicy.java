package org.uputnica.referrals.referral;

import org.uputnica.events.SharedData;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.EnumSet;
import java.util.Set;

/**
 * On what ground personal data may leave the owner agency with a referral. A pure rule of the caller, the kind of
 * referral and its {@link Sharing}; whether a consent record allows it is {@code ConsentCheck}'s part.
 * <ul>
 *   <li>Consent is shared under its record ({@code consentId}), which can be checked and withdrawn; a free-text
 *       {@code consentReference} alone is refused.</li>
 *   <li>A legal basis is named and sent by a supervisor.</li>
 *   <li>A transfer hands over the whole file: a supervisor sends it, and it shares every kind of data.</li>
 * </ul>
 */
public final class SharingPolicy {
    public static final String CONSENT_RECORD_REQUIRED = ProblemType.of("consent-record-required");
    public static final String TRANSFER_NEEDS_WHOLE_FILE = ProblemType.of("transfer-needs-whole-file");

    private SharingPolicy() {
    }

    /** @throws ProblemException 409, 403 or 400 naming the first rule the sending breaks */
    public static void require(Caller caller, ReferralKind kind, Sharing sharing) {
        if (sharing == null) {
            throw ProblemException.conflict(ReferralWorkflow.NO_SHARING_BASIS, "a referral can be sent only with the "
                    + "person's consent or a legal basis for sharing their data: give 'sharing'");
        }
        if (kind == ReferralKind.TRANSFER && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden(ReferralWorkflow.SUPERVISOR_APPROVAL,
                    "a transfer hands the whole case to another agency: a supervisor of the owning agency sends it");
        }
        switch (sharing.basis()) {
            case CONSENT -> requireConsentRecord(sharing.consentId() != null);
            case LEGAL_BASIS -> {
                if (sharing.legalBasis() == null || sharing.legalBasis().isBlank()) {
                    throw ProblemException.invalidField("sharing.legalBasis",
                            "name the legal basis for sharing without consent");
                }
                if (!caller.hasRole(Roles.SUPERVISOR)) {
                    throw ProblemException.forbidden(ReferralWorkflow.SUPERVISOR_APPROVAL,
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

    /** A referral already sent under a consent reference only (before records were required) is not sent further. */
    public static void requireConsentRecord(boolean hasRecord) {
        if (!hasRecord) {
            throw ProblemException.conflict(CONSENT_RECORD_REQUIRED, "consent is shared under its record: record it "
                    + "in the case-service and give sharing.consentId (a consentReference alone can be neither "
                    + "checked nor withdrawn)");
        }
    }
}
