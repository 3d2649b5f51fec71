package org.uputnica.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the keycloak-quarkus-dist zip from Maven Central) importing the realm from identity/.
 * <p>
 * Starting Keycloak takes 10 to 60 seconds, so a test run starts it once and every test JVM of that run reuses it:
 * the first JVM starts it in its own process group with a watchdog that ends the group when the Maven process
 * that ran the tests exits. The unpacked distribution lives outside target/ so that {@code mvn clean} keeps it.
 */
public final class KeycloakServer {
    public static final String REALM = "uputnica";
    public static final int TEST_HTTP_PORT = Integer.getInteger("uputnica.test.keycloak.port", 18180);
    public static final int TEST_MANAGEMENT_PORT = Integer.getInteger("uputnica.test.keycloak.management-port", 19000);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static String sharedUrl;

    private KeycloakServer() {
    }

    /** The base URL (http://localhost:port) of the Keycloak this test run shares, started if none runs yet. */
    public static synchronized String sharedForTests() {
        if (sharedUrl == null) {
            String base = "http://localhost:" + TEST_HTTP_PORT;
            if (!ready(base, TEST_MANAGEMENT_PORT)) {
                long owner = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
                Path logs = Path.of(System.getProperty("java.io.tmpdir"), "uputnica-test-keycloak-" + TEST_HTTP_PORT);
                start(TEST_HTTP_PORT, TEST_MANAGEMENT_PORT, logs, owner);
                awaitReady(base, TEST_MANAGEMENT_PORT, Duration.ofMinutes(4));
            }
            sharedUrl = base;
        }
        return sharedUrl;
    }

    public static String issuer(String baseUrl) {
        return baseUrl + "/realms/" + REALM;
    }

    /** Tests: an in-memory store, so that every test run starts from the realm file. */
    public static final List<String> IN_MEMORY = List.of("--db=dev-mem");

    /**
     * A store on the given PostgreSQL database (the local stack): users, sessions and signing keys survive a restart,
     * and the realm is imported only into an empty database ({@code --import-realm} skips a realm that exists).
     */
    public static List<String> postgres(String jdbcUrl, String username, String password) {
        return List.of("--db=postgres", "--db-url=" + jdbcUrl, "--db-username=" + username, "--db-password=" + password);
    }

    /** Starts Keycloak with the in-memory store (tests). */
    public static void start(int httpPort, int managementPort, Path stateDir, long ownerPid) {
        start(httpPort, managementPort, stateDir, ownerPid, IN_MEMORY);
    }

    /**
     * Starts Keycloak in the background in a new process group; {@code stateDir} receives keycloak.log and
     * keycloak.pgid. With {@code ownerPid > 0} the group ends when that process ends. {@code store} selects the
     * database ({@link #IN_MEMORY} or {@link #postgres}).
     */
    public static void start(int httpPort, int managementPort, Path stateDir, long ownerPid, List<String> store) {
        try {
            Path home = instanceHome(distribution(), httpPort);
            RealmFiles.writeImport(realmFile(), withDemoRealm(), home.resolve("data/import").resolve(REALM + "-realm.json"));
            Files.createDirectories(stateDir);
            List<String> words = new ArrayList<>(List.of(
                    quote(home.resolve("bin/kc.sh").toString()), "start-dev",
                    "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--health-enabled=true", "--import-realm", "--cache=local"));
            store.forEach(option -> words.add(quote(option)));
            String kc = String.join(" ", words);
            String watchdog = ownerPid > 0
                    ? "while kill -0 " + ownerPid + " 2>/dev/null && kill -0 $kc 2>/dev/null; do sleep 2; done; kill -TERM 0"
                    : "wait $kc";
            String script = "echo $$ > " + quote(stateDir.resolve("keycloak.pgid").toString()) + "; "
                    + kc + " > " + quote(stateDir.resolve("keycloak.log").toString()) + " 2>&1 & kc=$!; " + watchdog;
            List<String> command = new ArrayList<>(List.of("setsid", "bash", "-c", script));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    public static void awaitReady(String baseUrl, int managementPort, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready(baseUrl, managementPort)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak at " + baseUrl + " not ready within " + timeout);
            }
            pause();
        }
    }

    /** Ready means the management health says UP and the realm's discovery document answers. */
    public static boolean ready(String baseUrl, int managementPort) {
        return ok("http://localhost:" + managementPort + "/health/ready")
                && ok(issuer(baseUrl) + "/.well-known/openid-configuration");
    }

    private static boolean ok(String url) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500); // polling an external process's readiness, not a test's timing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static Path distributionZip() {
        String version = System.getProperty("keycloak.version", "26.7.3");
        return Path.of(System.getProperty("keycloak.dist.zip", System.getProperty("user.home")
                + "/.m2/repository/org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".zip"));
    }

    /** The unpacked distribution, unpacked from the Maven repository's zip on first use. */
    public static Path distribution() throws IOException {
        String version = System.getProperty("keycloak.version", "26.7.3");
        Path cache = Path.of(System.getProperty("uputnica.cache", System.getProperty("user.home") + "/.cache/uputnica"));
        Path dist = cache.resolve("keycloak-" + version);
        if (Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            return dist;
        }
        Path zip = distributionZip();
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + ": build with ./mvnw first");
        }
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, "keycloak-unpack");
        unzip(zip, staging);
        Path unpacked = staging.resolve("keycloak-" + version);
        try {
            Files.move(unpacked, dist, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
                throw raced;
            }
        }
        return dist;
    }

    /**
     * A Keycloak home of its own for the instance on {@code httpPort}: its own data/ (the realm it imports, its
     * transaction logs), its own copy of bin/kc.sh (which takes the home from its own location) and its own
     * lib/quarkus (where start-dev writes the server it builds for the chosen database), the rest linked to the shared
     * distribution. Several Maven runs on one machine each start a Keycloak; with one shared data/import, one run's
     * realm file could be swapped for another's between the copy and the import, and with one shared lib/quarkus a
     * test Keycloak (in-memory store) and the local stack's (PostgreSQL) would rebuild it under each other.
     */
    private static Path instanceHome(Path dist, int httpPort) throws IOException {
        Path home = dist.resolveSibling(dist.getFileName() + "-" + httpPort);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("data/import"));
        for (String shared : List.of("conf", "providers", "themes")) {
            link(home.resolve(shared), dist.resolve(shared));
        }
        Path lib = home.resolve("lib");
        if (Files.isSymbolicLink(lib)) {
            Files.delete(lib); // an instance home of an earlier version of this class linked lib/ whole
        }
        Files.createDirectories(lib);
        try (var entries = Files.list(dist.resolve("lib"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("quarkus-run.jar")) {
                    // copied, not linked: the server finds lib/quarkus beside the real path of this jar
                    Files.deleteIfExists(lib.resolve(name));
                    Files.copy(entry, lib.resolve(name));
                } else if (!name.equals("quarkus")) {
                    link(lib.resolve(name), entry);
                }
            }
        }
        seedBuild(lib.resolve("quarkus"));
        Path kc = home.resolve("bin/kc.sh");
        Files.copy(dist.resolve("bin/kc.sh"), kc, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(kc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /**
     * The server cannot start without a build in lib/quarkus (quarkus-application.dat): an instance's own lib/quarkus
     * starts as the distribution's, taken from the zip (the shared unpacked copy may be rebuilt by another instance).
     */
    private static void seedBuild(Path quarkus) throws IOException {
        if (Files.exists(quarkus.resolve("quarkus-application.dat"))) {
            return;
        }
        Files.createDirectories(quarkus);
        String prefix = "keycloak-" + System.getProperty("keycloak.version", "26.7.3") + "/lib/quarkus/";
        try (InputStream in = Files.newInputStream(distributionZip()); ZipInputStream zis = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && !name.substring(prefix.length()).contains("/")) {
                    Files.copy(zis, quarkus.resolve(name.substring(prefix.length())), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, target);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zis = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zis.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zis, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    /** Whether the demo overlay (users, organisations) is imported: always in tests, on the local stack by default. */
    public static boolean withDemoRealm() {
        return !"false".equals(System.getProperty("uputnica.realm.demo"));
    }

    /** The base realm file (identity/realm/uputnica-realm.json, or -Duputnica.realm.file). */
    public static Path realmFile() {
        String configured = System.getProperty("uputnica.realm.file");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("identity/realm/uputnica-realm.json");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("identity/realm/uputnica-realm.json not found; set -Duputnica.realm.file");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
