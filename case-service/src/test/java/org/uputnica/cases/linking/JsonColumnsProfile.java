package org.uputnica.cases.linking;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Until the case-service's application.properties says how JSON columns are written (main at 1755b75 does not, and
 * Hibernate then refuses to start with "uses Quarkus' main formatting facilities for JSON columns"), the linking test
 * sets what every JSON column of the service needs. Remove it once the service's configuration has it.
 */
public class JsonColumnsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.hibernate-orm.mapping.format.global", "ignore");
    }
}
