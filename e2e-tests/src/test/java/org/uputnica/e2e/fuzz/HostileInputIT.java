package org.uputnica.e2e.fuzz;

import org.junit.jupiter.api.Test;
import org.uputnica.e2e.ServiceProcess;
import org.uputnica.e2e.TheSystem;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input against all three services (issue 6): thousands of invalid requests generated from the services'
 * own OpenAPI descriptions, each invalid by construction. Every answer must be a 4xx problem+json, and the three
 * databases must be exactly as they were.
 *
 * <p>{@code -Duputnica.fuzz.requests=N} sets the number of generated requests (default 1,500 in the suite; 10,000 or
 * more for a full run, see README), {@code -Duputnica.fuzz.seed=S} the seed (printed; the same seed generates the
 * same requests, only the fixtures' ids differ). Besides the N requests come a role probe per operation and user,
 * and a few fixed requests at the HTTP server's limits.
 */
class HostileInputIT {
    static final int REQUESTS = Integer.getInteger("uputnica.fuzz.requests", 1_500);
    static final long SEED = Long.getLong("uputnica.fuzz.seed", 20_261_123L);
    /** Requests in flight at once; the order of the answers does not matter, each request is judged by itself. */
    static final int THREADS = Integer.getInteger("uputnica.fuzz.threads", 4);

    private final Map<String, CachedToken> serviceAccountTokens = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant until) {
    }

    @Test
    void everyHostileRequestIsRejectedWithAProblemAndChangesNothing() throws Exception {
        TheSystem system = TheSystem.get();
        ServiceProcess cases = system.cases;
        ServiceProcess referrals = system.referrals;
        ServiceProcess notifications = system.notifications;
        List<ApiDescription> apis = List.of(
                ApiDescription.read("case-service", cases.baseUrl),
                ApiDescription.read("referral-service", referrals.baseUrl),
                ApiDescription.read("notification-service", notifications.baseUrl));

        Fixtures fixtures = new Fixtures(cases.baseUrl, referrals.baseUrl, notifications.baseUrl);
        BadTokens tokens = new BadTokens();
        HostileRequests generator = new HostileRequests(apis, tokens, fixtures, this::bearer);
        System.out.printf("hostile input: %d generated requests, seed %d (-Duputnica.fuzz.seed=%d to replay), %d operations%n",
                REQUESTS, SEED, SEED, generator.operations().size());

        DatabaseSnapshot before = DatabaseSnapshot.settled(system::databaseUrl, system.postgres.username(), system.postgres.password());

        ServiceLogs logs = ServiceLogs.mark(List.of(cases, referrals, notifications));
        Sender sender = new Sender();
        FuzzReport report = new FuzzReport();
        Instant start = Instant.now();
        for (FuzzRequest probe : generator.probes()) {
            Sender.Answer answer = sender.send(probe);
            report.record(probe, answer, Verdicts.judge(probe, answer));
            generator.learn(probe, answer, probe.user);
        }
        generator.prepare();
        for (FuzzRequest limit : ServerLimits.requests(generator.operations(), bearer("ana.csr"))) {
            Sender.Answer answer = sender.send(limit);
            report.record(limit, answer, Verdicts.judge(limit, answer));
        }
        Instant fuzzStart = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int index = i;
            sent.add(pool.submit(() -> {
                FuzzRequest request = generator.generate(index, SEED);
                Sender.Answer answer = sender.send(request);
                report.record(request, answer, Verdicts.judge(request, answer));
                if (done.incrementAndGet() % 1000 == 0) {
                    System.out.printf("  %d requests, %d violating, %s%n", done.get(), report.violating(),
                            Duration.between(fuzzStart, Instant.now()));
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        Duration sending = Duration.between(start, Instant.now());
        List<String> errorsLogged = logs.errorsSince();

        DatabaseSnapshot after = DatabaseSnapshot.settled(system::databaseUrl, system.postgres.username(), system.postgres.password());
        List<String> changed = before.differences(after);

        System.out.printf("hostile input: %d requests in %s (%.0f per second, %d threads), seed %d%n%s", report.total(), sending,
                report.total() * 1000.0 / Math.max(1, sending.toMillis()), THREADS, SEED, report.summary());
        System.out.println("compared " + before.tables.size() + " tables; changed by the schedulers alone, compared in part:");
        new TreeMap<>(DatabaseSnapshot.BACKGROUND).forEach((table, b) ->
                System.out.println("  " + table + ": compared " + b.what() + "; " + b.reason()));
        System.out.println("ERROR lines the services may still log for hostile input: " + ServiceLogs.KNOWN);
        System.out.println("open by design, so not fuzzed with another agency's ids: " + HostileRequests.OPEN_TO_EVERY_AGENCY
                + "; nor with a token without an agency: " + HostileRequests.OPEN_TO_EVERY_SIGNED_IN_USER.keySet()
                + "; nor with a wrong Accept: " + HostileRequests.DISREGARDS_ACCEPT);
        List<String> untouched = generator.operations().stream()
                .map(op -> op.api.service + " " + op).filter(op -> !report.fuzzed(op)).toList();
        System.out.println("operations of the OpenAPI documents: " + generator.operations().size() + ", without any generated "
                + "request: " + untouched);
        if (Boolean.getBoolean("uputnica.fuzz.verbose")) {
            System.out.print(report.operationsCovered());
            generator.admitted().forEach((op, users) -> System.out.println("  admitted by " + op + ": " + users));
        }

        StringBuilder failures = new StringBuilder();
        if (report.violating() > 0) {
            failures.append(report.violating()).append(" answers were not as they must be (seed ").append(SEED).append("):\n  ")
                    .append(String.join("\n  ", report.violations)).append('\n');
        }
        if (REQUESTS >= 20 * generator.operations().size() && !untouched.isEmpty()) {
            failures.append("operations that got no generated request (a category no longer applies to them?): ")
                    .append(untouched).append('\n');
        }
        if (!errorsLogged.isEmpty()) {
            failures.append("the services logged ").append(errorsLogged.size()).append(" ERROR lines while refusing them:\n  ")
                    .append(String.join("\n  ", errorsLogged.subList(0, Math.min(20, errorsLogged.size())))).append('\n');
        }
        if (!changed.isEmpty()) {
            failures.append("rejected requests changed the databases:\n  ").append(String.join("\n  ", changed)).append('\n');
        }
        if (failures.length() > 0) {
            fail(failures.toString());
        }
        assertTrue(report.total() >= REQUESTS);
        assertEquals(0, report.violating());
    }

    private String bearer(String user) {
        if (user.equals(HostileRequests.Users.INTEGRATOR)) {
            CachedToken cached = serviceAccountTokens.compute(user, (k, v) -> v != null && Instant.now().isBefore(v.until()) ? v
                    : new CachedToken(Tokens.clientCredentials(KeycloakServer.sharedForTests(), "minrzs-integration",
                    "minrzs-integration-secret"), Instant.now().plusSeconds(240)));
            return "Bearer " + cached.token();
        }
        return "Bearer " + Tokens.of(user);
    }
}
