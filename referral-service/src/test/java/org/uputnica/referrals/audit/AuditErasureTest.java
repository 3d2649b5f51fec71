package org.uputnica.referrals.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The referral-service's audit tables keep their rows for their retention period (reads of referrals five years,
 * administrators' changes ten, the defaults), then the scheduled erasure removes them.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class AuditErasureTest {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditErasure erasure;

    @Test
    void auditRowsAreErasedAfterTheirRetentionPeriod() {
        String user = "retention-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        read(user, now.minusYears(5).plusDays(1));
        read(user, now.minusYears(5).minusDays(1));
        adminChange(user, now.minusYears(5).minusDays(1));
        adminChange(user, now.minusYears(10).plusDays(1));
        adminChange(user, now.minusYears(10).minusDays(1));

        erasure.eraseExpired();

        assertEquals(1, count("referral_access", user), "a read five years less a day ago stays, an older one goes");
        assertEquals(2, count("admin_audit", user), "administrators' changes stay ten years");
    }

    void read(String user, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into referral_access (at, user_id, username, agency, roles, action, referral_ids)
                        values (:at, :user, 'u', 'csr-kikinda', 'caseworker', 'READ', :id)""")
                .setParameter("at", at).setParameter("user", user).setParameter("id", UUID.randomUUID().toString())
                .executeUpdate());
    }

    void adminChange(String user, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into admin_audit (at, user_id, username, agency, action, subject)
                        values (:at, :user, 'u', 'uputnica', 'AGENCY_CREATED', 'csr-test')""")
                .setParameter("at", at).setParameter("user", user).executeUpdate());
    }

    long count(String table, String user) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table + " where user_id = :user").setParameter("user", user)
                .getSingleResult()).longValue());
    }
}
