package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uputnica.cases.audit.AuditErasure;
import org.uputnica.infra.InfrastructureResource;

import java.time.Duration;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/** The access audit keeps its rows for uputnica.audit.retention (five years by default), then the erasure removes them. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class AccessAuditRetentionTest {

    @Inject
    MutableClock clock;

    @Inject
    AuditErasure erasure;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void accessAuditRowsAreErasedAfterTheirRetentionPeriod() {
        String caseId = openCase("ana.csr", "Zora", "Lukić");
        String log = "/api/v1/cases/" + caseId + "/access-log";
        as("milica.supervisor").when().get(log).then().statusCode(200).body("action", hasItem("CREATE"));

        clock.advance(Duration.ofDays(5 * 365));
        erasure.eraseExpired();
        as("milica.supervisor").when().get(log).then().statusCode(200).body("action", hasItem("CREATE"));

        clock.advance(Duration.ofDays(3));
        erasure.eraseExpired();
        as("milica.supervisor").when().get(log).then().statusCode(200).body("action", not(hasItem("CREATE")));
    }
}
