package org.uputnica.e2e;

import org.uputnica.infra.KafkaServer;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Ports;
import org.uputnica.infra.PostgresServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services as processes on the shared PostgreSQL, Kafka and Keycloak of this Maven run, started once
 * per test JVM: every IT class uses the same system, so a class may kill and restart a service but must leave it
 * running. Processes stop with the JVM.
 */
public final class TheSystem {
    private static TheSystem running;

    public final PostgresServer postgres;
    public final String kafka;
    public final String issuer;
    public ServiceProcess cases;
    public ServiceProcess referrals;
    public ServiceProcess notifications;
    private ServiceProcess console;

    private TheSystem() throws Exception {
        postgres = PostgresServer.shared();
        kafka = KafkaServer.shared();
        issuer = KeycloakServer.issuer(KeycloakServer.sharedForTests());
        int casePort = Ports.free();
        cases = ServiceProcess.start("case-service", casePort, env("cases"));
        Map<String, String> referralEnv = env("referrals");
        referralEnv.put("CASE_SERVICE_URL", "http://localhost:" + casePort);
        referrals = ServiceProcess.start("referral-service", Ports.free(), referralEnv);
        Map<String, String> notificationEnv = env("notifications");
        // the fixtures' webhooks point at localhost, which production refuses; and the access matrix registers many
        notificationEnv.put("WEBHOOKS_ALLOWED_HOSTS", "localhost");
        // ClientLibraryIT's webhook receiver is a plain-http server of the test on localhost
        notificationEnv.put("WEBHOOKS_REQUIRE_HTTPS", "false");
        notificationEnv.put("WEBHOOKS_MAX_PER_AGENCY", "100");
        // production has no default key for webhook secrets at rest: a fresh one per run, like the run's databases
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        notificationEnv.put("WEBHOOKS_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(key));
        notifications = ServiceProcess.start("notification-service", Ports.free(), notificationEnv);
        for (ServiceProcess s : new ServiceProcess[] {cases, referrals, notifications}) {
            // a loaded machine (several builds sharing two cores) may need longer: -Duputnica.e2e.ready-seconds
            s.awaitReady(Duration.ofSeconds(Long.getLong("uputnica.e2e.ready-seconds",
                    Long.getLong("uputnica.e2e.ready-timeout-seconds", 300))));
        }
    }

    public static synchronized TheSystem get() throws Exception {
        if (running == null) {
            running = new TheSystem();
        }
        return running;
    }

    /**
     * The web console on the three services, started on first use (only the browser tests need it). It logs users
     * in through this run's Keycloak; the realm's console client accepts any http://localhost port.
     */
    public synchronized String consoleUrl() {
        if (console == null) {
            Map<String, String> env = new HashMap<>();
            env.put("UPUTNICA_OIDC_URL", issuer);
            env.put("CASE_SERVICE_URL", cases.baseUrl);
            env.put("REFERRAL_SERVICE_URL", referrals.baseUrl);
            env.put("NOTIFICATION_SERVICE_URL", notifications.baseUrl);
            env.put("UPUTNICA_CONSOLE_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
            try {
                console = ServiceProcess.start("console", Ports.free(), env);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            console.awaitReady(Duration.ofSeconds(300));
        }
        return console.baseUrl;
    }

    /** Base URLs (http://localhost:port) for tests in other packages; read anew, since a test may restart a service. */
    public String caseServiceUrl() {
        return cases.baseUrl;
    }

    public String referralServiceUrl() {
        return referrals.baseUrl;
    }

    public String notificationServiceUrl() {
        return notifications.baseUrl;
    }

    /** The JDBC URL of a service's own database, for checks that look underneath the API. */
    public String databaseUrl(String database) {
        return postgres.ensureDatabase(database);
    }

    private Map<String, String> env(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("UPUTNICA_OIDC_URL", issuer);
        env.put("UPUTNICA_KEYCLOAK_URL", KeycloakServer.sharedForTests()); // the referral-service's admin REST calls
        env.put("REFERRAL_CLIENT_SECRET", "referral-service-secret");
        env.put("UPUTNICA_DEMO_DATA", "true"); // the demo agencies, groups and directory the demo realm's users belong to
        // the hostile-input and access-matrix runs send one user's requests by the thousand: the per-caller limits
        // (tested in the services' own tests) would answer 429 before the input is even looked at
        for (String limit : List.of("STATISTICS", "MATCH_SUGGESTIONS", "SUBJECT_ACCESS_EXPORT", "ACCESS_LOG")) {
            env.put("UPUTNICA_RATE_LIMIT_" + limit + "_REQUESTS", "1000000");
        }
        if (database.equals("referrals")) { // the public HSDS API's limit (docs/hsds.md) exists there only
            env.put("UPUTNICA_RATE_LIMIT_HSDS_REQUESTS", "1000000");
            env.put("UPUTNICA_RATE_LIMIT_HSDS_BURST", "1000000");
        }
        return env;
    }
}
