package org.uputnica.referrals.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.referrals.caseaccess.CaseOwners;
import org.uputnica.referrals.consent.ConsentTerms;
import org.uputnica.referrals.consent.Consents;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a sending needs to know of the case-service: who owns the case and what a consent allows. Both are read from
 * the local projections inside the command's transaction, the consent share-locked until it commits (see
 * {@code SharingRevocation}). A case or consent the projection has not heard of yet (created a moment ago) is a
 * {@link Miss}: the transaction is rolled back before it wrote anything, the fact is fetched from the case-service
 * with no transaction open, and the transaction runs again. So no database connection waits on a remote call, and
 * a request that finds its facts (nearly all) reads each row once.
 */
@ApplicationScoped
class CaseFacts {
    /** Each attempt but the last may miss one fact: the owner, then a consent (a forward's or a group's several). */
    private static final int ATTEMPTS = 12;

    private final CaseOwners owners;
    private final Consents consents;

    CaseFacts(CaseOwners owners, Consents consents) {
        this.owners = owners;
        this.consents = consents;
    }

    /** Runs {@code work} in a new transaction, again after fetching what it missed; never inside another one. */
    <T> T inTransaction(Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a command opens its own transaction, after any remote look-up");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (Miss miss) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the projections still miss what the case-service answered", miss);
                }
                miss.fetch.run();
            }
        }
    }

    /** The owner agency of a case, in the transaction; a miss for a case the projection has not heard of. */
    String ownerOf(UUID caseId) {
        return owners.known(caseId).orElseThrow(() -> new Miss(() -> owners.fetch(caseId)));
    }

    /** A consent, share-locked in the transaction; a miss for one the projection has not heard of (409 if none). */
    ConsentTerms consentForSending(UUID consentId, UUID caseId) {
        return consents.forSending(consentId).orElseThrow(() -> new Miss(
                () -> SharingPolicy.requireRecorded(consents.fetch(caseId, consentId), consentId, caseId)));
    }

    /** Thrown inside the transaction, which rolls it back; {@link #inTransaction} fetches and runs it again. */
    static final class Miss extends RuntimeException {
        private final transient Runnable fetch;

        Miss(Runnable fetch) {
            super("not in the projection yet", null, false, false);
            this.fetch = fetch;
        }
    }
}
