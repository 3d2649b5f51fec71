package org.uputnica.referrals.demo;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo agencies, working groups, protocols and directory entries reach only the stacks that ask for them: the service's
 * own migrations, run as the service runs them (its flyway locations and placeholder), on an empty database.
 */
class DemoDataMigrationTest {

    @Test
    void productionGetsTheSchemaAndTheNationalReferenceDataOnly() throws Exception {
        String url = migrate("referrals_production", "false");

        assertEquals(List.of("minrzs"), column(url, "select alias from agency order by alias"));
        assertEquals(List.of("national-default"), column(url, "select code from protocol order by code"));
        assertEquals(List.of(), column(url, "select code from working_group"));
        assertEquals(List.of(), column(url, "select id::text from directory_service"));
        assertEquals(List.of(), column(url, "select service_id::text from directory_capacity_update"));
    }

    @Test
    void theLocalAndTestStacksGetTheDemoData() throws Exception {
        String url = migrate("referrals_demo", "true");

        assertTrue(column(url, "select alias from agency").containsAll(List.of("minrzs", "csr-kikinda", "udruzenje-rod")));
        assertEquals(List.of("bijeljina-child-protection", "kikinda-child-protection"),
                column(url, "select code from working_group order by code"));
        assertTrue(column(url, "select code from protocol").contains("kikinda-children-begging"));
        assertTrue(!column(url, "select id::text from directory_service").isEmpty());
    }

    @Test
    void productionDoesNotAskForDemoData() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        assertEquals("${UPUTNICA_DEMO_DATA:false}", config.getProperty("quarkus.flyway.placeholders.demo_data"));
    }

    private static String migrate(String database, String demoData) throws IOException {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.ensureDatabase(database);
        Properties config = new Properties();
        try (InputStream in = DemoDataMigrationTest.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        String[] locations = config.getProperty("quarkus.flyway.locations").split(",");
        for (int i = 0; i < locations.length; i++) {
            locations[i] = "classpath:" + locations[i].trim();
        }
        Flyway.configure()
                .dataSource(url, postgres.username(), postgres.password())
                .locations(locations)
                .outOfOrder(true)
                .cleanDisabled(false)
                .placeholders(Map.of("demo_data", demoData))
                .load()
                .migrate();
        return url;
    }

    private static List<String> column(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
