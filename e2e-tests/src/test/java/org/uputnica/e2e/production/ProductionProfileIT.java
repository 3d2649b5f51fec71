package org.uputnica.e2e.production;

import org.junit.jupiter.api.Test;
import org.uputnica.e2e.TheSystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services as production runs them: the packaged jars, the prod profile, nothing from the local stack's env. */
class ProductionProfileIT {

    /** Each module's secrets (docs/runbook.md), with a value for each. */
    static final Map<String, Map<String, String>> SECRETS = Map.of(
            "case-service", Map.of("CASE_DB_PASSWORD", "x"),
            "referral-service", Map.of("REFERRAL_DB_PASSWORD", "x", "REFERRAL_CLIENT_SECRET", "x"),
            "notification-service", Map.of("NOTIFICATION_DB_PASSWORD", "x",
                    "WEBHOOKS_SECRET_KEY", "dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0LWtleS0zMiE="),
            "console", Map.of("UPUTNICA_CONSOLE_SECRET", "x".repeat(32)));

    /**
     * Quarkus reads the datasource password and the OIDC clients' secrets as optional: without RequiredSecrets a
     * missing one failed late (a refused database login) or not at all (the console made up a session secret).
     */
    @Test
    void aMissingSecretStopsTheStartWithALineNamingIt() throws Exception {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("case-service", "CASE_DB_PASSWORD");
        missing.put("referral-service", "REFERRAL_CLIENT_SECRET"); // the database password is given
        missing.put("notification-service", "NOTIFICATION_DB_PASSWORD");
        missing.put("console", "UPUTNICA_CONSOLE_SECRET");
        List<Start> starts = new ArrayList<>();
        for (Map.Entry<String, String> m : missing.entrySet()) {
            Map<String, String> env = new LinkedHashMap<>(SECRETS.get(m.getKey()));
            env.remove(m.getValue());
            starts.add(Start.of(m.getKey(), m.getValue(), env));
        }
        for (Start s : starts) {
            s.assertStoppedNamingTheSecret();
        }
    }

    record Start(String module, String secret, Process process, Path log) {
        static Start of(String module, String secret, Map<String, String> env) throws Exception {
            Path root = Path.of(System.getProperty("uputnica.root", ".."));
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            Path log = Path.of("target/e2e-logs/" + module + "-without-" + secret + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx128m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // nothing of the local stack's or the build's environment: only what production would set
            pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.startsWith("JAVA"));
            pb.environment().putAll(env);
            pb.environment().put("QUARKUS_HTTP_PORT", "0");
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
            return new Start(module, secret, pb.start(), log);
        }

        void assertStoppedNamingTheSecret() throws Exception {
            try {
                assertTrue(process.waitFor(180, TimeUnit.SECONDS), module + " should stop by itself");
            } finally {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertNotEquals(0, process.exitValue(), module + " must not start without " + secret + ":\n" + output);
            List<String> naming = output.lines().filter(l -> l.contains("SRCFG00011") && l.contains(secret)).toList();
            assertFalse(naming.isEmpty(), module + ": a line names " + secret + ":\n" + output);
            assertTrue(!output.contains("Connection to") && !output.contains("OIDC server is not available"),
                    module + " stopped before it reached the database or Keycloak:\n" + output);
        }
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
