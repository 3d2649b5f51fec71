package org.uputnica.referrals.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.uputnica.events.SharedData;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.directory.AgencyProfile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A referral sent under a consent record ({@code sharing.consentId}) must be allowed by it: the same case, the
 * receiving agency or its kind named, valid on the day of sending, every shared kind of data covered, not withdrawn.
 * A consent given only as a {@code consentReference} (no record) is not checked here.
 */
@ApplicationScoped
public class ConsentCheck {
    public static final String CONSENT_NOT_VALID = ProblemType.of("consent-not-valid");

    @Inject
    Consents consents;

    @Inject
    Clock clock;

    /** Whose calendar "the day of sending" is: consents are dated in the agencies' local time. */
    @ConfigProperty(name = "uputnica.consents.time-zone", defaultValue = "Europe/Belgrade")
    ZoneId zone;

    /**
     * 409 {@code consent-not-valid} naming every condition the consent fails for this referral; 503 when the
     * consent is not in the projection and the case-service cannot be asked. Runs in the sending transaction and
     * keeps the consent share-locked until it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void require(UUID consentId, UUID caseId, String receiver, Collection<SharedData> sharedData) {
        ConsentTerms terms = consents.forSending(consentId)
                .or(() -> consents.askCaseService(caseId, consentId).flatMap(fetched -> consents.forSending(consentId)))
                .orElseThrow(() -> notValid("no consent " + consentId + " was recorded for case " + caseId));
        AgencyProfile agency = AgencyProfile.findById(receiver);
        List<String> failures = terms.failures(caseId, receiver, agency == null ? null : agency.kind, sharedData,
                LocalDate.ofInstant(clock.instant(), zone));
        if (!failures.isEmpty()) {
            throw notValid(String.join("; ", failures));
        }
    }

    private static ProblemException notValid(String detail) {
        return ProblemException.conflict(CONSENT_NOT_VALID, detail);
    }
}
