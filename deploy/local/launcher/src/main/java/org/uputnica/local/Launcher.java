package org.uputnica.local;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Endpoint;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.uputnica.infra.KafkaServer;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's infrastructure as processes, started by {@code deploy/local/up}:
 * <ul>
 *   <li>{@code postgres DATA_DIR PORT READY_FILE DB...}: PostgreSQL with its data in DATA_DIR, the databases created;
 *       this process stays up as the server's owner and stops it on SIGTERM.</li>
 *   <li>{@code kafka STATE_DIR PORT CONTROLLER_PORT READY_FILE}: a single-node KRaft broker in this JVM with its log
 *       in STATE_DIR/data and the system's topics created; stops on SIGTERM.</li>
 *   <li>{@code keycloak HTTP_PORT MANAGEMENT_PORT STATE_DIR TIMEOUT_SECONDS [JDBC_URL]}: starts Keycloak in its own
 *       process group (no watchdog) with its data in the PostgreSQL database JDBC_URL (else in memory), waits until it
 *       is ready and returns.</li>
 * </ul>
 * and {@code demo ISSUER CASE_URL REFERRAL_URL} fills a fresh stack with demo cases ({@link DemoData}).
 * The ready file is written when the server can be used, and removed when it stops.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "postgres" -> postgres(args);
            case "kafka" -> kafka(args);
            case "keycloak" -> keycloak(args);
            case "demo" -> DemoData.run(args);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: postgres DATA_DIR PORT READY_FILE DB... | kafka STATE_DIR PORT CONTROLLER_PORT READY_FILE"
                + " | keycloak HTTP_PORT MANAGEMENT_PORT STATE_DIR TIMEOUT_SECONDS [JDBC_URL] | demo ISSUER CASE_URL REFERRAL_URL");
        System.exit(2);
    }

    private static void postgres(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]);
        Files.deleteIfExists(ready);
        Files.createDirectories(dataDir.getParent());
        long started = System.nanoTime();
        // zonky registers a shutdown hook that stops the server (pg_ctl stop -m fast) when this JVM ends
        PostgresServer server = PostgresServer.persistent(dataDir, port);
        deleteOnExit(ready);
        for (int i = 4; i < args.length; i++) {
            server.ensureDatabase(args[i]);
        }
        long postmaster = postmasterPid(dataDir);
        writeAtomically(ready, postmaster + "\n");
        log("PostgreSQL ready on localhost:" + port + " (postmaster pid " + postmaster + ", data " + dataDir + ") in "
                + millis(started) + " ms");
        // Unpacking the binaries filled the heap; this process only waits from now on: give the memory back.
        System.gc();
        // The owner follows the server: if the postmaster dies, so does this process.
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().thenRun(() -> {
            log("postmaster " + postmaster + " ended; owner exits");
            System.exit(1);
        }));
        new CountDownLatch(1).await();
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        String first = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim();
        return Long.parseLong(first);
    }

    private static void kafka(String[] args) throws Exception {
        if (args.length != 5) {
            usage();
        }
        Path stateDir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        Path ready = Path.of(args[4]);
        Files.deleteIfExists(ready);
        Path logDir = stateDir.resolve("data");
        Files.createDirectories(logDir);
        long started = System.nanoTime();

        Endpoint controller = EmbeddedKafkaBroker.endpoint("CONTROLLER", SecurityProtocol.PLAINTEXT, "localhost", controllerPort);
        Endpoint plaintext = EmbeddedKafkaBroker.endpoint(SecurityProtocol.PLAINTEXT, "localhost", port);
        Properties props = EmbeddedKafkaBroker.createDefaultBrokerConfig(1, controller, plaintext, List.of(plaintext));
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A broker that stops without a controlled shutdown stays registered: after a restart the controller
        // answers DUPLICATE_BROKER_REGISTRATION until that session expires. A controlled shutdown fences the
        // broker first, and a shorter session shortens the wait after a crash. (Broker and controller share this JVM.)
        props.put("controlled.shutdown.enable", "true");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "3000");

        // the cluster id is kept with the log so that restarts find storage formatted for the same cluster
        Path clusterIdFile = stateDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            writeAtomically(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        KafkaConfig config = EmbeddedKafkaBroker.formatStorageFromConfig(props, clusterId, true);
        KafkaRaftServer server = EmbeddedKafkaBroker.createServer(config); // createServer also starts it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping Kafka");
            server.shutdown();
            server.awaitShutdown();
            log("Kafka stopped");
        }, "kafka-stop"));
        deleteOnExit(ready);

        String bootstrap = "localhost:" + port;
        KafkaServer.createTopics(bootstrap, 1);
        writeAtomically(ready, bootstrap + "\n");
        log("Kafka ready on " + bootstrap + " (cluster " + clusterId + ", log " + logDir + ") in " + millis(started) + " ms");
        server.awaitShutdown();
    }

    private static void keycloak(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            usage();
        }
        int httpPort = Integer.parseInt(args[1]);
        int managementPort = Integer.parseInt(args[2]);
        Path stateDir = Path.of(args[3]).toAbsolutePath();
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[4]));
        String base = "http://localhost:" + httpPort;
        long started = System.nanoTime();
        if (KeycloakServer.ready(base, managementPort)) {
            log("Keycloak already ready at " + base);
            return;
        }
        // With a JDBC URL, Keycloak keeps its data (realm, signing keys, sessions) in that database across restarts
        KeycloakStore persistent = null;
        List<String> store = KeycloakServer.IN_MEMORY;
        if (args.length == 6) {
            String user = System.getenv().getOrDefault("KC_DB_USERNAME", "postgres");
            String password = System.getenv().getOrDefault("KC_DB_PASSWORD", "postgres");
            persistent = new KeycloakStore(args[5], user, password, stateDir);
            if (persistent.resetIfRealmChanged(KeycloakServer.realmFile())) {
                log("the realm file changed since its import: Keycloak's database emptied, the realm is imported again");
            }
            store = KeycloakServer.postgres(args[5], user, password);
        }
        KeycloakServer.start(httpPort, managementPort, stateDir, 0, store);
        KeycloakServer.awaitReady(base, managementPort, timeout);
        if (persistent != null) {
            persistent.imported(KeycloakServer.realmFile());
        }
        log("Keycloak ready at " + base + " in " + millis(started) + " ms");
    }

    private static void deleteOnExit(Path file) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: up and status also check the process itself
            }
        }, "ready-file-cleanup"));
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void log(String message) {
        System.err.println("[uputnica-local] " + message);
    }
}
