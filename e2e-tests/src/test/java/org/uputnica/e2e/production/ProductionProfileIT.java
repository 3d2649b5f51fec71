package org.uputnica.e2e.production;

import org.junit.jupiter.api.Test;
import org.uputnica.e2e.TheSystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services as production runs them: the packaged jars, the prod profile, nothing from the local stack's env. */
class ProductionProfileIT {

    @Test
    void aMissingSecretStopsTheStartWithALineNamingIt() throws Exception {
        Path root = Path.of(System.getProperty("uputnica.root", ".."));
        Path jar = root.resolve("referral-service/target/quarkus-app/quarkus-run.jar");
        Path log = Path.of("target/e2e-logs/referral-service-without-secret.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx128m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("REFERRAL_") || k.startsWith("QUARKUS_"));
        pb.environment().put("QUARKUS_HTTP_PORT", "0");
        // every other secret present: the database password is the one missing
        pb.environment().put("REFERRAL_CLIENT_SECRET", "referral-service-secret");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the service should stop by itself");
        } finally {
            p.destroyForcibly();
        }
        assertNotEquals(0, p.exitValue(), "a start without its database password must fail");
        List<String> naming = Files.readAllLines(log).stream().filter(l -> l.contains("REFERRAL_DB_PASSWORD")).toList();
        assertTrue(!naming.isEmpty(), "a line names REFERRAL_DB_PASSWORD:\n" + Files.readString(log));
    }

    @Test
    void swaggerUiIsOffButTheOpenApiDocumentIsServed() throws Exception {
        TheSystem system = TheSystem.get();
        for (String base : List.of(system.caseServiceUrl(), system.referralServiceUrl(), system.notificationServiceUrl())) {
            given().baseUri(base).get("/q/swagger-ui/").then().statusCode(404);
            given().baseUri(base).get("/q/openapi").then().statusCode(200);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
