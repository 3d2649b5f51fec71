package org.uputnica.referrals.caseaccess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who owns a case. The case-service's events keep a local projection; a case created a moment ago may not have
 * arrived yet, so on a miss the case-service is asked directly ({@link #fetch}, outside any transaction) and the
 * answer stored. That way "only the owner may refer" holds immediately after a case is created, and most requests
 * need no remote call.
 */
@ApplicationScoped
public class CaseOwners {
    private static final Logger LOG = Logger.getLogger(CaseOwners.class);

    @Inject
    EntityManager em;

    @Inject
    @RestClient
    CaseServiceClient caseService;

    @Inject
    Clock clock;

    /** The owner as the projection knows it, read in the caller's transaction; empty for a case not heard of yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> known(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<String> owners = em.createNativeQuery("select owner_agency from case_ownership where case_id = :id")
                .setParameter("id", caseId)
                .getResultList();
        return owners.stream().findFirst();
    }

    /**
     * Asks the case-service for the owner and stores the answer, in a transaction of its own after the call. 400
     * naming {@code caseId} for a case that does not exist, 503 if the case-service cannot answer. Called with no
     * transaction open, so that no database connection waits on the remote call.
     */
    public String fetch(UUID caseId) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the case-service is asked before the transaction opens, never inside it");
        }
        String owner = askCaseService(caseId);
        QuarkusTransaction.requiringNew().run(() -> record(caseId, owner, OffsetDateTime.now(clock)));
        return owner;
    }

    /**
     * Stores the owner as of {@code asOf} (an event's time, or the moment the case-service was asked). Only newer
     * knowledge replaces older, so a late or replayed event never sets the owner back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, String ownerAgency, OffsetDateTime asOf) {
        em.createNativeQuery("""
                        insert into case_ownership (case_id, owner_agency, updated_at) values (:id, :owner, :at)
                        on conflict (case_id) do update set owner_agency = excluded.owner_agency,
                            updated_at = excluded.updated_at
                        where case_ownership.updated_at < excluded.updated_at""")
                .setParameter("id", caseId)
                .setParameter("owner", ownerAgency)
                .setParameter("at", asOf)
                .executeUpdate();
    }

    private String askCaseService(UUID caseId) {
        try {
            return caseService.ownership(caseId).ownerAgency();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.invalidField("caseId", "no such case");
            }
            LOG.warnf("case-service answered %d for the owner of %s", e.getResponse().getStatus(), caseId);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("case-service unreachable: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, ProblemType.DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
                "the case-service cannot confirm who owns this case right now; try again shortly");
    }
}
