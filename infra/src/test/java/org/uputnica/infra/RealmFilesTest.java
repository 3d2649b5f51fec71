package org.uputnica.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionImportsTheBaseRealmWithoutDemoUsersOrAgencies(@TempDir Path dir) throws IOException {
        JsonNode realm = imported(dir, false);

        assertTrue(realm.path("organizationsEnabled").asBoolean(), "the organisations feature is in the base");
        assertFalse(realm.has("organizations"), "no demo agency");
        assertTrue(names(realm.path("users"), "username").stream().noneMatch(u -> !u.startsWith("service-account-")),
                "no person's account: " + names(realm.path("users"), "username"));
        assertTrue(names(realm.path("clients"), "clientId").containsAll(List.of("uputnica-console", "case-service",
                "referral-service", "notification-service")));
        assertFalse(names(realm.path("clients"), "clientId").contains("minrzs-integration"), "no demo integrator");
        assertEquals(List.of(), names(realm.path("groups").get(0).path("subGroups"), "name"), "no demo working group");
    }

    @Test
    void theLocalStackAndTestsImportTheBaseWithTheDemoOverlay(@TempDir Path dir) throws IOException {
        JsonNode realm = imported(dir, true);

        assertTrue(names(realm.path("organizations"), "alias").containsAll(List.of("csr-kikinda", "udruzenje-rod", "minrzs")));
        assertTrue(names(realm.path("users"), "username").containsAll(List.of("ana.csr", "marko.rod",
                "service-account-minrzs-integration")));
        assertTrue(names(realm.path("clients"), "clientId").containsAll(List.of("uputnica-cli", "minrzs-integration",
                "uputnica-console")));
        assertEquals(1, realm.path("groups").size(), "the overlay's working groups join the base's group");
        assertEquals(List.of("kikinda-child-protection", "bijeljina-child-protection"),
                names(realm.path("groups").get(0).path("subGroups"), "name"));
        assertFalse(realm.has("_comment"));
    }

    private static JsonNode imported(Path dir, boolean withDemo) throws IOException {
        Path target = dir.resolve("import/uputnica-realm.json");
        RealmFiles.writeImport(KeycloakServer.realmFile(), withDemo, target);
        return JSON.readTree(target.toFile());
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }
}
