package org.uputnica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds our contracts to the tools an integrator's first step uses, and fails on any error or warning: Redocly CLI's
 * recommended ruleset on each service's OpenAPI document (stored at build time in the module's target/openapi, see
 * {@code quarkus.smallrye-openapi.store-schema-directory}), and {@code asyncapi validate} on docs/asyncapi.yaml.
 * The tools come from the npm registry, installed once, at the pinned versions below, into the cache
 * ({@code -Duputnica.cache}, default ~/.cache/uputnica).
 */
class ContractsLintTest {
    static final List<String> TOOLS = List.of("@redocly/cli@2.77.0", "@asyncapi/cli@4.1.1");
    static final List<String> SERVICES = List.of("case-service", "referral-service", "notification-service");
    private static Path bin;

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("uputnica.cache", System.getProperty("user.home") + "/.cache/uputnica"),
                "contract-lint-" + Integer.toHexString(TOOLS.hashCode()));
        bin = home.resolve("node_modules/.bin");
        if (!Files.isExecutable(bin.resolve("redocly")) || !Files.isExecutable(bin.resolve("asyncapi"))) {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--prefix", home.toString()));
            command.addAll(TOOLS);
            Result npm = run(command, 20, true);
            assertEquals(0, npm.exit, "npm install " + TOOLS + " failed:\n" + npm.output);
        }
    }

    @Test
    void everyOpenApiDocumentPassesRedoclysRecommendedRulesWithoutAWarning() throws Exception {
        for (String service : SERVICES) {
            Path document = Project.root().resolve(service).resolve("target/openapi/openapi.yaml");
            assertTrue(Files.isRegularFile(document), document + " is missing: build " + service + " first");
            Result lint = run(List.of(bin.resolve("redocly").toString(), "lint", "--format=json",
                    document.toString()), 5, false);
            JsonNode totals = new ObjectMapper().readTree(lint.output.substring(lint.output.indexOf('{'))).path("totals");
            assertEquals(0, totals.path("errors").asInt(-1) + totals.path("warnings").asInt(-1),
                    service + ": redocly lint finds errors or warnings (run: npx @redocly/cli lint " + document + "):\n"
                            + lint.output);
        }
    }

    @Test
    void theAsyncApiDocumentValidatesWithoutAWarning() throws Exception {
        Path document = Project.root().resolve("docs/asyncapi.yaml");
        Result validate = run(List.of(bin.resolve("asyncapi").toString(), "validate", document.toString(),
                "--fail-severity=warn"), 5, false);
        assertEquals(0, validate.exit, "asyncapi validate finds errors or warnings:\n" + validate.output);
    }

    private record Result(int exit, String output) {
    }

    /** With {@code withErrors} false, stdout only: Node prints its deprecation notices to stderr. */
    private static Result run(List<String> command, int minutes, boolean withErrors)
            throws IOException, InterruptedException {
        ProcessBuilder pb = withErrors ? new ProcessBuilder(command).redirectErrorStream(true)
                : new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // no telemetry calls from a test (the registry is the only network here)
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + minutes + " min: " + String.join(" ", command) + "\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
