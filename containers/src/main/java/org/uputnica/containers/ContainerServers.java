package org.uputnica.containers;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;
import org.uputnica.infra.KafkaServer;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.TestServers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tests' PostgreSQL, Kafka and Keycloak as containers, for machines with Docker: the same images and versions as
 * deploy/compose, the same topics and realm as the default servers. Selected by -Duputnica.test.infra=containers,
 * which the Maven profile `containers` sets (docs/runbook.md, "Tests with Testcontainers"). Never run on the
 * project's machines (no Docker engine); compiled in every build. Containers start once per JVM and stop with it
 * (Testcontainers' reaper).
 */
public final class ContainerServers implements TestServers.Provider {
    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;
    private static KeycloakContainer keycloak;
    private static final Set<String> DATABASES = new HashSet<>();

    @Override
    public synchronized Map<String, String> start(String database) {
        startAll();
        ensureDatabase(database);
        String url = postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", postgres.getUsername(),
                "quarkus.datasource.password", postgres.getPassword(),
                "kafka.bootstrap.servers", kafka.getBootstrapServers(),
                "quarkus.oidc.auth-server-url", KeycloakServer.issuer(keycloakBaseUrl()));
    }

    @Override
    public synchronized String keycloakBaseUrl() {
        startAll();
        return keycloak.getAuthServerUrl().replaceAll("/$", "");
    }

    private static void startAll() {
        if (postgres != null) {
            return;
        }
        postgres = new PostgreSQLContainer("postgres:17");
        kafka = new KafkaContainer("apache/kafka:4.1.1").withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        Path realm = Path.of(System.getProperty("uputnica.realm.file", "identity/realm/uputnica-realm.json"));
        keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:26.7.3")
                .withCopyFileToContainer(MountableFile.forHostPath(realm), "/opt/keycloak/data/import/" + realm.getFileName())
                .withCustomCommand("--import-realm");
        postgres.start();
        kafka.start();
        keycloak.start();
        KafkaServer.createTopics(kafka.getBootstrapServers(), 1);
    }

    private static void ensureDatabase(String database) {
        if (!DATABASES.add(database)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword())) {
            c.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: made by an earlier JVM of this run
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
    }
}
