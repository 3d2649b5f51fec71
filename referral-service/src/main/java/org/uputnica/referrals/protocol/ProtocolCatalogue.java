package org.uputnica.referrals.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The terms of published protocol versions, kept in memory: every referral that is sent or accepted needs the
 * governing protocol, and loading every current version with its scope, data and deadline collections on each of them
 * cost more than the rest of sending (docs/performance.md). A version is immutable once published, so its terms are
 * cached for good; which version is current is still read from the database each time (one small query), so a
 * version published through another instance counts at once.
 */
@ApplicationScoped
class ProtocolCatalogue {

    private record Key(String code, int version) {
    }

    @Inject
    EntityManager em;

    private final ConcurrentMap<Key, ProtocolTerms> published = new ConcurrentHashMap<>();

    /** The terms of one version; called only for versions that a committed protocol row or referral names. */
    ProtocolTerms version(String code, int version) {
        return published.computeIfAbsent(new Key(code, version), k -> ProtocolTerms.of(ProtocolVersion
                .<ProtocolVersion>find("code = ?1 and version = ?2", k.code(), k.version()).singleResult()));
    }

    /** The current version of every protocol, by code. */
    List<ProtocolTerms> current() {
        return em.createQuery("select p.code, p.currentVersion from Protocol p where p.currentVersion > 0 order by p.code",
                        Object[].class).getResultList().stream()
                .map(row -> version((String) row[0], ((Number) row[1]).intValue()))
                .toList();
    }
}
