package org.uputnica.referrals.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.uputnica.events.SharedData;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.referral.SharingPolicy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The consent projection. The case-service's consent events keep it; a consent recorded a moment ago (or before
 * this projection existed) may be missing, so on a miss the case-service is asked ({@link #fetch}, with the
 * referral-service's own token, outside any transaction) and the answer stored, as {@code CaseOwners} does for
 * ownership.
 */
@ApplicationScoped
public class Consents {
    private static final Logger LOG = Logger.getLogger(Consents.class);

    @Inject
    EntityManager em;

    @Inject
    @RestClient
    CaseServiceConsents caseService;

    @Inject
    Clock clock;

    /**
     * Stores what a consent allows. A withdrawal once known is kept: a late or replayed consent-recorded event
     * (or an older answer of the case-service) never makes a withdrawn consent valid again. The upsert locks the
     * row until the caller's transaction ends, which a withdrawal relies on (see {@link SharingRevocation}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ConsentTerms terms, OffsetDateTime asOf) {
        em.createNativeQuery("""
                        insert into consent (consent_id, case_id, to_agency, to_agency_kind, data, valid_from,
                                             valid_until, withdrawn_at, updated_at)
                        values (:id, :caseId, :toAgency, :toAgencyKind, :data, :validFrom, :validUntil, :withdrawnAt, :at)
                        on conflict (consent_id) do update set case_id = excluded.case_id,
                            to_agency = excluded.to_agency, to_agency_kind = excluded.to_agency_kind,
                            data = excluded.data, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                            withdrawn_at = coalesce(consent.withdrawn_at, excluded.withdrawn_at),
                            updated_at = greatest(consent.updated_at, excluded.updated_at)""")
                .setParameter("id", terms.consentId())
                .setParameter("caseId", terms.caseId())
                .setParameter("toAgency", terms.toAgency())
                .setParameter("toAgencyKind", terms.toAgencyKind())
                .setParameter("data", terms.data().stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter("validFrom", terms.validFrom())
                .setParameter("validUntil", terms.validUntil())
                .setParameter("withdrawnAt", terms.withdrawnAt())
                .setParameter("at", asOf)
                .executeUpdate();
    }

    /**
     * The consent as the projection knows it, share-locked until the sending transaction ends: a withdrawal that
     * arrives meanwhile waits, and then finds the new referral among those to revoke.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ConsentTerms> forSending(UUID consentId) {
        return Optional.ofNullable(em.find(Consent.class, consentId, LockModeType.PESSIMISTIC_READ)).map(Consent::terms);
    }

    /**
     * Asks the case-service for a consent of a case and stores the answer in a transaction of its own after the call;
     * empty when it has none (404). 409 when it keeps the consent from the caller's agency, 503 when it cannot
     * answer. Called with no transaction open, so that no database connection waits on the remote call.
     */
    public Optional<ConsentTerms> fetch(UUID caseId, UUID consentId) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the case-service is asked before the transaction opens, never inside it");
        }
        CaseServiceConsents.ConsentRecord answer;
        try {
            answer = caseService.consent(caseId, consentId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 403) {
                throw SharingPolicy.consentNotShown(consentId);
            }
            LOG.warnf("case-service answered %d for consent %s of case %s", status, consentId, caseId);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("case-service unreachable: %s", e.getMessage());
            throw unavailable();
        }
        if (answer == null || answer.validFrom() == null) {
            LOG.warnf("case-service answered an incomplete consent %s of case %s", consentId, caseId);
            throw unavailable();
        }
        List<SharedData> data;
        try {
            data = ConsentTerms.kindsOf(answer.data());
        } catch (IllegalArgumentException e) {
            LOG.warnf("case-service answered consent %s of case %s with %s", consentId, caseId, e.getMessage());
            throw unavailable();
        }
        ConsentTerms terms = new ConsentTerms(consentId, answer.caseId() == null ? caseId : answer.caseId(),
                answer.toAgency(), answer.toAgencyKind(), data, answer.validFrom(), answer.validUntil(),
                answer.withdrawnAt());
        QuarkusTransaction.requiringNew().run(() -> record(terms, OffsetDateTime.now(clock)));
        return Optional.of(terms);
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, ProblemType.DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
                "the case-service cannot confirm the consent right now; try again shortly");
    }
}
