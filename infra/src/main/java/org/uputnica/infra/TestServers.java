package org.uputnica.infra;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where the tests' servers come from. By default this JVM's PostgreSQL and Kafka and the run's Keycloak process
 * ({@link InfrastructureResource}, {@link Tokens}); with -Duputnica.test.infra=containers (the Maven profile
 * `containers`, for machines with Docker) a {@link Provider} found on the class path, the module containers'.
 * The tests themselves are the same either way.
 */
public final class TestServers {
    private static Provider provider;

    private TestServers() {
    }

    /** Servers from somewhere else than this machine's processes. */
    public interface Provider {
        /** The configuration of one service's test: its own database, Kafka, Keycloak. */
        Map<String, String> start(String database);

        String keycloakBaseUrl();
    }

    public static boolean containers() {
        return "containers".equals(System.getProperty("uputnica.test.infra"));
    }

    public static synchronized Provider provider() {
        if (provider == null) {
            provider = ServiceLoader.load(Provider.class, TestServers.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "-Duputnica.test.infra=containers needs the module containers on the class path: run with -Pcontainers"));
        }
        return provider;
    }
}
