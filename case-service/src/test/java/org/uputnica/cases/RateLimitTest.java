package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/**
 * The expensive reads are limited per caller (platform/…/ratelimit): over the limit, 429 rate-limited with
 * Retry-After, while other callers go on. Small limits, an hour long, in this class's own profile only, so that no
 * refill happens while it runs and no other test class meets them.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "uputnica.rate-limit.statistics.requests", "2", "uputnica.rate-limit.statistics.period", "PT1H",
                    "uputnica.rate-limit.match-suggestions.requests", "2",
                    "uputnica.rate-limit.match-suggestions.period", "PT1H",
                    "uputnica.rate-limit.subject-access-export.requests", "1",
                    "uputnica.rate-limit.subject-access-export.period", "PT1H",
                    "uputnica.rate-limit.access-log.requests", "2", "uputnica.rate-limit.access-log.period", "PT1H");
        }
    }

    /** {@code allowed} requests pass; the next is 429 with the problem and a Retry-After in whole seconds. */
    static void limitedAfter(int allowed, Supplier<ValidatableResponse> request) {
        for (int i = 0; i < allowed; i++) {
            request.get().statusCode(200);
        }
        request.get().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:uputnica:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("retry after"));
    }

    @Test
    void statisticsAreLimitedPerCaller() {
        limitedAfter(2, () -> as("petar.ministry").when().get("/api/v1/cases/statistics").then());
        // another caller has a budget of its own; a refused request has not used it up
        as("milica.supervisor").when().get("/api/v1/cases/statistics").then().statusCode(200);
        // without a token it is a 401, not a 429: authentication comes first
        io.restassured.RestAssured.given().when().get("/api/v1/cases/statistics").then().statusCode(401);
    }

    @Test
    void matchSuggestionsTheExportAndTheAccessLogAreLimited() {
        String caseId = openCase("ana.csr", "Ratka", "Limić");
        limitedAfter(2, () -> as("ana.csr").when().get("/api/v1/cases/" + caseId + "/match-suggestions").then());
        limitedAfter(1, () -> as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then());
        limitedAfter(2, () -> as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log").then());
    }
}
