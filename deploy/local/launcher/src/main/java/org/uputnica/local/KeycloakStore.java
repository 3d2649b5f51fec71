package org.uputnica.local;

import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.RealmFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The local stack's Keycloak keeps its data in a PostgreSQL database, so that signing keys, sessions and users survive
 * a restart and the realm is imported once. {@code --import-realm} skips a realm that already exists, so a changed
 * realm file would never arrive: when the realm files (the base and, with demo data, its overlay) differ from those
 * last imported, the database is emptied first and Keycloak imports the new realm into it.
 */
final class KeycloakStore {
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Path importedDigest;

    KeycloakStore(String jdbcUrl, String username, String password, Path stateDir) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.importedDigest = stateDir.resolve("realm-imported.sha256");
    }

    /** Empties the database when the realm file is not the one last imported; returns whether it did. */
    boolean resetIfRealmChanged(Path realmFile) throws IOException, SQLException {
        String current = digest(realmFile);
        if (!Files.exists(importedDigest) || Files.readString(importedDigest).trim().equals(current)) {
            return false; // a first start imports into the empty database anyway
        }
        int slash = jdbcUrl.lastIndexOf('/');
        String database = jdbcUrl.substring(slash + 1).replaceAll("[?;].*", "");
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl.substring(0, slash + 1) + "postgres", username, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        Files.delete(importedDigest);
        return true;
    }

    /** Records the realm file that the running Keycloak has imported. */
    void imported(Path realmFile) throws IOException {
        Files.writeString(importedDigest, digest(realmFile) + "\n");
    }

    /** The base realm file, its demo overlay (if imported) and whether it is: what decides what Keycloak imports. */
    private static String digest(Path realmFile) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(realmFile));
            Path overlay = RealmFiles.overlayOf(realmFile);
            if (KeycloakServer.withDemoRealm() && Files.exists(overlay)) {
                sha.update(Files.readAllBytes(overlay));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
