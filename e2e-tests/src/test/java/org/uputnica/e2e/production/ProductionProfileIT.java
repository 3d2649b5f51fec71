package org.uputnica.e2e.production;

import org.junit.jupiter.api.Test;
import org.uputnica.e2e.TheSystem;

import java.util.List;

import static io.restassured.RestAssured.given;

/** The services as production runs them: the packaged jars, the prod profile, nothing from the local stack's env. */
class ProductionProfileIT {

    @Test
    void swaggerUiIsOffButTheOpenApiDocumentIsServed() throws Exception {
        TheSystem system = TheSystem.get();
        for (String base : List.of(system.caseServiceUrl(), system.referralServiceUrl(), system.notificationServiceUrl())) {
            given().baseUri(base).get("/q/swagger-ui/").then().statusCode(404);
            given().baseUri(base).get("/q/openapi").then().statusCode(200);
        }
    }
}
