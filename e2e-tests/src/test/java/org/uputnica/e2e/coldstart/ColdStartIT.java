package org.uputnica.e2e.coldstart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a new user does on a fresh machine, as README.md says: {@code deploy/local/up}, the curl loop of README.md,
 * {@code deploy/local/down}. "Fresh" means empty caches: PostgreSQL's binaries are unpacked into a new temp dir and
 * Keycloak gets a new home (unpacked from the Maven repository's zip, built, realm imported), in a run dir and on
 * ports of its own, so that a stack a developer runs is not touched. The build itself is the one this Maven run has
 * just made ({@code UPUTNICA_SKIP_BUILD=1}).
 */
class ColdStartIT {
    private static final Path ROOT = Path.of(System.getProperty("uputnica.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/cold-start").toAbsolutePath();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Map<String, String> ENV = new LinkedHashMap<>();

    @Test
    void aFreshMachineStartsTheStackAndWalksTheReadmeLoop() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK.resolve("tmp"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String var : List.of("UPUTNICA_PG_PORT", "UPUTNICA_KAFKA_PORT", "UPUTNICA_KAFKA_CONTROLLER_PORT",
                "UPUTNICA_KEYCLOAK_PORT", "UPUTNICA_KEYCLOAK_MANAGEMENT_PORT", "UPUTNICA_CASE_PORT",
                "UPUTNICA_REFERRAL_PORT", "UPUTNICA_NOTIFICATION_PORT", "UPUTNICA_CONSOLE_PORT")) {
            ports.put(var, Ports.free());
            ENV.put(var, Integer.toString(ports.get(var)));
        }
        ENV.put("UPUTNICA_RUN_DIR", WORK.resolve("run").toString());
        ENV.put("UPUTNICA_SKIP_BUILD", "1");
        // a first Keycloak start unpacks and builds the server: minutes on a busy 2-core machine
        ENV.put("UPUTNICA_TIMEOUT", "900");
        // every JVM the stack starts: a temp dir with no unpacked PostgreSQL, a cache with no Keycloak home
        ENV.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + WORK.resolve("tmp") + " -Duputnica.cache=" + WORK.resolve("cache"));

        Result up = run(WORK.resolve("up.log"), 960, ROOT.resolve("deploy/local/up").toString());
        assertEquals(0, up.exitCode, "deploy/local/up failed on a cold start:\n" + up.tail());
        assertTrue(unpackedPostgres(), "PostgreSQL's binaries were unpacked into the fresh temp dir");
        try (Stream<Path> homes = Files.list(WORK.resolve("cache"))) {
            assertTrue(homes.anyMatch(h -> h.getFileName().toString().startsWith("keycloak-")),
                    "Keycloak got a fresh home under the fresh cache");
        }

        Path script = WORK.resolve("readme-loop.sh");
        Files.writeString(script, "set -euo pipefail\n" + readmeLoop(ports) + """

                # what the loop must have done
                echo "CHECK case=$CASE consent=$CONSENT referral=$REF"
                curl -sf "http://localhost:%d/api/v1/referrals/$REF" -H "Authorization: Bearer $ANA" | jq -r '"CHECK status=" + .status'
                """.formatted(ports.get("UPUTNICA_REFERRAL_PORT")));
        Result loop = run(WORK.resolve("readme-loop.log"), 180, "bash", script.toString());
        assertEquals(0, loop.exitCode, "README's curl loop failed:\n" + loop.tail());
        Matcher ids = Pattern.compile("CHECK case=(\\S*) consent=(\\S*) referral=(\\S*)").matcher(loop.output);
        assertTrue(ids.find(), loop.tail());
        for (int i = 1; i <= 3; i++) {
            assertTrue(UUID.matcher(ids.group(i)).matches(), "an id from the loop is not a UUID: " + ids.group(0));
        }
        assertTrue(loop.output.contains("\"ACCEPTED\""), "the NGO's accept answered ACCEPTED:\n" + loop.tail());
        assertTrue(loop.output.contains("CHECK status=ACCEPTED"), loop.tail());
        assertTrue(Pattern.compile("(?m)^\"\\d{4}-\\d{2}-\\d{2}T").matcher(loop.output).find(),
                "the consent's withdrawal answered a withdrawnAt:\n" + loop.tail());
    }

    @AfterAll
    static void down() throws Exception {
        if (ENV.isEmpty()) {
            return;
        }
        Result down = run(WORK.resolve("down.log"), 180, ROOT.resolve("deploy/local/down").toString(), "--purge");
        assertEquals(0, down.exitCode, "deploy/local/down failed:\n" + down.tail());
    }

    /** The bash block under "The referral loop with curl" in README.md, on this stack's ports. */
    static String readmeLoop(Map<String, Integer> ports) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("## The referral loop with curl\\s+```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        if (!block.find()) {
            fail("README.md has no bash block under '## The referral loop with curl'");
        }
        return block.group(1)
                .replace("localhost:8180", "localhost:" + ports.get("UPUTNICA_KEYCLOAK_PORT"))
                .replace("localhost:8081", "localhost:" + ports.get("UPUTNICA_CASE_PORT"))
                .replace("localhost:8082", "localhost:" + ports.get("UPUTNICA_REFERRAL_PORT"))
                .replace("localhost:8083", "localhost:" + ports.get("UPUTNICA_NOTIFICATION_PORT"))
                .replace("localhost:8084", "localhost:" + ports.get("UPUTNICA_CONSOLE_PORT"));
    }

    private static boolean unpackedPostgres() throws IOException {
        Path dir = WORK.resolve("tmp/embedded-pg");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> unpacked = Files.list(dir)) {
            return unpacked.anyMatch(d -> Files.exists(d.resolve(".exists")));
        }
    }

    private record Result(int exitCode, String output) {
        String tail() {
            String[] lines = output.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
        }
    }

    private static Result run(Path log, long timeoutSeconds, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(ENV);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            return new Result(-1, Files.readString(log) + "\n(timed out after " + timeoutSeconds + " s)");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
