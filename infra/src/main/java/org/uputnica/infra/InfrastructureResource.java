package org.uputnica.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real servers: its own database on this JVM's PostgreSQL, this JVM's Kafka broker,
 * and the Keycloak shared by the whole test run. Use with {@code initArgs = @ResourceArg(name = "database", value = ...)}.
 * The servers stop when the JVM exits (Keycloak when the Maven run ends), not per test class.
 * With -Duputnica.test.infra=containers they are containers instead ({@link TestServers}).
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        if (TestServers.containers()) {
            return TestServers.provider().start(database);
        }
        PostgresServer postgres = PostgresServer.shared();
        String jdbcUrl = postgres.ensureDatabase(database);
        String bootstrap = KafkaServer.shared();
        String keycloak = KeycloakServer.sharedForTests();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.oidc.auth-server-url", KeycloakServer.issuer(keycloak),
                "uputnica.keycloak.url", keycloak); // the server's root, for admin REST calls
    }

    @Override
    public void stop() {
        // shared for the JVM (and Keycloak for the run): see the class comment
    }
}
