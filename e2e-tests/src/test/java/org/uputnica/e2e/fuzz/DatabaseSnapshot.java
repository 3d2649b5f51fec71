package org.uputnica.e2e.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Row count and an md5 of the ordered rows of every table of the three service databases. Rejected requests must
 * leave every one of them as it was.
 *
 * <p>Some columns change without any request, by the services' own schedulers; {@link #BACKGROUND} names each one
 * with the reason, and only those columns (or rows) are left out of the comparison. Everything else, including
 * the audit tables, the outboxes and the consumers' bookkeeping, is compared whole.
 */
final class DatabaseSnapshot {
    static final List<String> DATABASES = List.of("cases", "referrals", "notifications");

    /** What a scheduler may change in a table while nobody calls the API: compared is only {@code what}, and why. */
    record Background(String what, String reason) {
    }

    static final Map<String, Background> BACKGROUND = Map.of(
            "notifications.email_delivery", new Background(
                    "id, event_id, inbox_item_id, address, language, created_at, working_group of the rows without a digest_day",
                    "the email-dispatcher retries queued e-mails every 2 s (status, attempts, next_attempt_at, last_error, "
                            + "sent_at; tests have no SMTP server), and the coordinator-digest queues digest rows at 07:00"),
            "notifications.webhook_delivery", new Background(
                    "id, subscription_id, event_id, event_type, inbox_item_id, payload, created_at",
                    "the webhook-dispatcher retries pending deliveries (status, attempts, window_attempts, retry_from, "
                            + "next_attempt_at, last_status_code, last_error, sent_at, parked_at)"),
            "notifications.webhook_attempt", new Background(
                    "nothing",
                    "the webhook-dispatcher adds one row per attempt of a pending delivery"),
            "cases.outbox_message", new Background("every column but claimed_until",
                    "the outbox relay leases a message it is sending (claimed_until)"),
            "referrals.outbox_message", new Background("every column but claimed_until",
                    "the outbox relay leases a message it is sending (claimed_until)"),
            "notifications.outbox_message", new Background("every column but claimed_until",
                    "the outbox relay leases a message it is sending (claimed_until)"));

    private static final String OUTBOX_WITHOUT_LEASE =
            "select id, seq, topic, message_key, event_type, payload, created_at from outbox_message";

    private static final Map<String, String> BACKGROUND_QUERY = Map.of(
            "notifications.email_delivery", "select id, event_id, inbox_item_id, address, language, created_at, working_group "
                    + "from email_delivery where digest_day is null",
            "notifications.webhook_delivery", "select id, subscription_id, event_id, event_type, inbox_item_id, payload, "
                    + "created_at from webhook_delivery",
            "cases.outbox_message", OUTBOX_WITHOUT_LEASE,
            "referrals.outbox_message", OUTBOX_WITHOUT_LEASE,
            "notifications.outbox_message", OUTBOX_WITHOUT_LEASE);

    /** database.table to "rows:md5". */
    final Map<String, String> tables;

    private DatabaseSnapshot(Map<String, String> tables) {
        this.tables = tables;
    }

    static DatabaseSnapshot take(java.util.function.Function<String, String> jdbcUrl, String user, String password) {
        Map<String, String> tables = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database), user, password);
                 Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    String key = database + "." + table;
                    if (BACKGROUND.containsKey(key) && !BACKGROUND_QUERY.containsKey(key)) {
                        continue; // compared: nothing (see BACKGROUND for why)
                    }
                    String rows = BACKGROUND_QUERY.getOrDefault(key, "select * from \"" + table + "\"");
                    try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) "
                            + "from (" + rows + ") t")) {
                        rs.next();
                        tables.put(key, rs.getLong(1) + ":" + rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot snapshot database " + database, e);
            }
        }
        return new DatabaseSnapshot(tables);
    }

    /**
     * A snapshot once background work has settled: the outboxes are empty (every event relayed) and three snapshots
     * a second apart are equal (consumers and schedulers have caught up).
     */
    static DatabaseSnapshot settled(java.util.function.Function<String, String> jdbcUrl, String user, String password) {
        AtomicReference<DatabaseSnapshot> last = new AtomicReference<>();
        AtomicReference<Integer> equalInARow = new AtomicReference<>(0);
        await("the databases settle (outboxes empty, nothing changing)").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    DatabaseSnapshot now = take(jdbcUrl, user, password);
                    boolean same = now.equals(last.get());
                    equalInARow.set(same ? equalInARow.get() + 1 : 0);
                    last.set(now);
                    return equalInARow.get() >= 2 && now.outboxesEmpty();
                });
        return last.get();
    }

    private boolean outboxesEmpty() {
        return tables.entrySet().stream().filter(e -> e.getKey().endsWith(".outbox_message"))
                .allMatch(e -> e.getValue().startsWith("0:"));
    }

    /** database.table: before -> after, for every table that differs. */
    List<String> differences(DatabaseSnapshot after) {
        List<String> diffs = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(tables);
        after.tables.forEach(all::putIfAbsent);
        for (String table : all.keySet()) {
            String before = tables.get(table);
            String now = after.tables.get(table);
            if (!Objects.equals(before, now)) {
                diffs.add(table + ": rows:md5 " + before + " -> " + now);
            }
        }
        return diffs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseSnapshot other && tables.equals(other.tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }
}
