package org.uputnica.platform.jobs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.PostgresServer;
import org.uputnica.platform.outbox.OutboxRelay;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims of {@link JobClaims} on a real PostgreSQL, with two claimers on one table each on its own connection, as
 * two instances of a service would be. The statements are the ones {@link JobClaims} runs ({@link Claim}'s SQL);
 * this test binds their named parameters over plain JDBC, so no application has to start.
 */
class JobClaimsTest {
    static String url;
    static final Claim JOBS = Claim.on("claim_test_job")
            .due("leased_until is null or leased_until < now()")
            .orderedBy("created_seq")
            .leasing("leased_until");

    @BeforeAll
    static void schema() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        url = postgres.ensureDatabase("platform_jobs") + "?user=" + postgres.username() + "&password=" + postgres.password();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists claim_test_job, outbox_message, processed_event cascade");
            s.execute("create table claim_test_job (id uuid primary key, created_seq bigint generated always as identity, "
                    + "leased_until timestamptz)");
            for (String migration : List.of("V0_1__outbox_and_processed_events", "V0_2__processed_event_pruning_index",
                    "V0_3__outbox_lease", "V0_4__outbox_key_order")) {
                try (InputStream sql = JobClaimsTest.class.getResourceAsStream("/db/platform/" + migration + ".sql")) {
                    s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void twoClaimersTakeDifferentRowsAndTogetherAllOfThem() throws Exception {
        Set<UUID> rows = new HashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("truncate claim_test_job");
            for (int i = 0; i < 300; i++) {
                UUID id = UUID.randomUUID();
                rows.add(id);
                s.execute("insert into claim_test_job (id) values ('" + id + "')");
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> claimer = () -> {
            List<UUID> mine = new ArrayList<>();
            start.await();
            try (Connection c = connect()) {
                List<UUID> batch;
                do {
                    batch = lease(c, JOBS, 7, Duration.ofHours(1), Map.of());
                    mine.addAll(batch);
                } while (!batch.isEmpty());
            }
            return mine;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = two.submit(claimer);
            Future<List<UUID>> second = two.submit(claimer);
            start.countDown();
            List<UUID> a = first.get();
            List<UUID> b = second.get();
            Set<UUID> both = new HashSet<>(a);
            both.retainAll(b);
            assertEquals(Set.of(), both, "no row is claimed by both");
            assertEquals(a.size(), new HashSet<>(a).size(), "nor twice by one");
            Set<UUID> all = new HashSet<>(a);
            all.addAll(b);
            assertEquals(rows, all, "every row is claimed");
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aLeaseThatEndedComesDueAgainAndAReleasedRowAtOnce() throws Exception {
        UUID crashed = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("truncate claim_test_job");
            s.execute("insert into claim_test_job (id) values ('" + failed + "'), ('" + held + "'), ('" + crashed + "')");
            assertEquals(List.of(failed, held), lease(c, JOBS, 2, Duration.ofHours(1), Map.of()));
            // as an instance that died: its lease has ended
            assertEquals(List.of(crashed), lease(c, JOBS, 1, Duration.ofSeconds(-1), Map.of()));
            run(c, JOBS.releaseSql(), Map.of("ids", List.of(failed)));
            assertEquals(List.of(failed, crashed), lease(c, JOBS, 10, Duration.ofHours(1), Map.of()),
                    "the released row and the ended lease, not the one still held");
            assertEquals(List.of(), lease(c, JOBS, 10, Duration.ofHours(1), Map.of()));
        }
    }

    @Test
    void anOutboxClaimSkipsAnAggregateWhoseEarlierEventAnotherClaimHolds() throws Exception {
        try (Connection one = connect(); Connection other = connect()) {
            run(one, "truncate outbox_message", Map.of());
            UUID a1 = event(one, "a");
            UUID a2 = event(one, "a");
            UUID b1 = event(one, "b");
            assertEquals(List.of(a1), lease(one, OutboxRelay.CLAIM, 1, Duration.ofHours(1), Map.of()));
            assertEquals(List.of(b1), lease(other, OutboxRelay.CLAIM, 10, Duration.ofHours(1), Map.of()),
                    "a2 waits until a1 is sent");
            run(one, "delete from outbox_message where id in (:ids)", Map.of("ids", List.of(a1)));
            assertEquals(List.of(a2), lease(other, OutboxRelay.CLAIM, 10, Duration.ofHours(1), Map.of()));
        }
    }

    /**
     * Two relays drain one outbox as {@code OutboxRelay} does (claim, send, delete): every event is sent once, and
     * each aggregate's events in the order they were written, whichever relay sends them.
     */
    @Test
    void twoRelaysSendEachEventOnceAndEachAggregateInOrder() throws Exception {
        Map<UUID, Long> seqOf = new ConcurrentHashMap<>();
        Map<UUID, String> keyOf = new ConcurrentHashMap<>();
        try (Connection c = connect()) {
            run(c, "truncate outbox_message", Map.of());
            for (int i = 0; i < 400; i++) {
                String key = "referral-" + (i % 9);
                UUID id = event(c, key);
                keyOf.put(id, key);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, seq from outbox_message")) {
                while (rs.next()) {
                    seqOf.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        List<UUID> sent = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> relay = () -> {
            int batches = 0;
            start.await();
            try (Connection c = connect()) {
                List<UUID> batch;
                while (!(batch = lease(c, OutboxRelay.CLAIM, 11, Duration.ofHours(1), Map.of())).isEmpty()) {
                    batches++;
                    synchronized (sent) { // the broker: it takes each batch in the relay's send order
                        batch.stream().sorted((x, y) -> Long.compare(seqOf.get(x), seqOf.get(y))).forEach(sent::add);
                    }
                    run(c, "delete from outbox_message where id in (:ids)", Map.of("ids", batch));
                }
            }
            return batches;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(relay);
            Future<Integer> second = two.submit(relay);
            start.countDown();
            assertTrue(first.get() + second.get() > 0);
        } finally {
            two.shutdownNow();
        }
        assertEquals(400, sent.size(), "every event, none twice");
        assertEquals(400, new HashSet<>(sent).size());
        Map<String, Long> last = new ConcurrentHashMap<>();
        for (UUID id : sent) {
            long previous = last.getOrDefault(keyOf.get(id), -1L);
            assertTrue(seqOf.get(id) > previous, "events of " + keyOf.get(id) + " in the order written");
            last.put(keyOf.get(id), seqOf.get(id));
        }
    }

    private static UUID event(Connection c, String key) throws SQLException {
        UUID id = UUID.randomUUID();
        run(c, """
                insert into outbox_message (id, topic, message_key, event_type, payload, created_at)
                values (:id, 'test', :key, 'test', '{}', now())""", Map.of("id", id, "key", key));
        return id;
    }

    /** {@link JobClaims#lease(Claim, int, Duration, Map)} over JDBC, in one transaction. */
    private static List<UUID> lease(Connection c, Claim claim, int limit, Duration lease, Map<String, Object> params)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            if (claim.oneAtATime()) {
                query(c, claim.turnSql(), Map.of("table", claim.table()));
            }
            Map<String, Object> all = new java.util.HashMap<>(params);
            all.put("limit", limit);
            List<UUID> ids = query(c, claim.lockSql(), all).stream().map(UUID.class::cast).toList();
            if (!ids.isEmpty()) {
                run(c, claim.leaseForSql(), Map.of("seconds", lease.toMillis() / 1000.0, "ids", ids));
            }
            c.commit();
            return ids;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static final Pattern NAMED = Pattern.compile("(?<!:):(\\w+)");

    private static PreparedStatement prepare(Connection c, String sql, Map<String, ?> params) throws SQLException {
        List<Object> values = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            Object value = params.get(m.group(1));
            if (value instanceof Collection<?> many) {
                values.addAll(many);
                m.appendReplacement(jdbc, String.join(", ", java.util.Collections.nCopies(many.size(), "?")));
            } else {
                values.add(value);
                m.appendReplacement(jdbc, "?");
            }
        }
        m.appendTail(jdbc);
        PreparedStatement statement = c.prepareStatement(jdbc.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    private static List<Object> query(Connection c, String sql, Map<String, ?> params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<Object> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getObject(1));
            }
            return rows;
        }
    }

    private static void run(Connection c, String sql, Map<String, ?> params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
