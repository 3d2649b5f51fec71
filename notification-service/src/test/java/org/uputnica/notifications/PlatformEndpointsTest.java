package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class PlatformEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        // the consumer may still be joining its group right after start
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging")));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/inbox"))
                .body(containsString("/api/v1/inbox/count"))
                .body(containsString("/api/v1/inbox/{id}/read"))
                .body(containsString("REFERRAL_RECEIVED"))
                .body(containsString("/api/v1/inbox/{id}/deliveries"))
                .body(containsString("/api/v1/notification-settings/me"))
                .body(containsString("/api/v1/notification-settings/recipients/{id}"))
                .body(containsString("/api/v1/webhooks/deliveries/{deliveryId}/replay"))
                .body(containsString("/api/v1/webhooks/dead-letters"))
                .body(containsString("webhook-signature"))
                .body(containsString("whsec_"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
