package org.uputnica.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Locale;

/** Readable case references, numbered per agency and year: {@code CSR-KIKINDA-2026-00042}. */
@ApplicationScoped
public class CaseReferences {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String agency, int year) {
        Number value = (Number) em.createNativeQuery("""
                        insert into case_reference_counter (agency, year, last_value) values (:agency, :year, 1)
                        on conflict (agency, year) do update set last_value = case_reference_counter.last_value + 1
                        returning last_value""")
                .setParameter("agency", agency)
                .setParameter("year", year)
                .getSingleResult();
        return String.format("%s-%d-%05d", agency.toUpperCase(Locale.ROOT), year, value.intValue());
    }
}
