package org.uputnica.referrals.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * When the case-service anonymises a case, the free text the referral-service keeps about it goes too: the
 * referrals' reason, decline, outcome, hold and withdrawal notes, consent reference and legal basis text, and the
 * notes of their history. Codes, ids, agencies, statuses and times stay, so the working groups' statistics still
 * count the referrals. Running it again changes nothing.
 */
@ApplicationScoped
public class CaseErasure {

    @Inject
    EntityManager em;

    /** In the consumer's transaction; returns how many referrals of the case it found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymise(UUID caseId, OffsetDateTime at) {
        em.createNativeQuery("""
                        update referral_history set note = null
                        where note is not null and referral_id in (select id from referral where case_id = :caseId)""")
                .setParameter("caseId", caseId)
                .executeUpdate();
        // the first anonymisation is a change of the referral (a new ETag); a repeated one is not
        return em.createNativeQuery("""
                        update referral set reason = null, decline_note = null, outcome_note = null, hold_reason = null,
                            withdraw_reason = null, consent_reference = null, legal_basis = null,
                            version = version + case when anonymised_at is null then 1 else 0 end,
                            anonymised_at = coalesce(anonymised_at, :at)
                        where case_id = :caseId""")
                .setParameter("caseId", caseId)
                .setParameter("at", at)
                .executeUpdate();
    }
}
