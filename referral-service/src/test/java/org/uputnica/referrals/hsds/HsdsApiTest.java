package org.uputnica.referrals.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;
import org.uputnica.referrals.directory.HsdsRecords;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public HSDS API against the seeded directory: every answer of every endpoint validates against the HSDS 3.0
 * JSON schemas, paging follows the API reference, filters filter, and nothing needs a token.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class HsdsApiTest {
    static final String PROBLEM = "application/problem+json";
    static final ObjectMapper JSON = new ObjectMapper();
    // seeded in V3_1__directory_demo_data.sql
    static final String KIRS_KIKINDA = "d1000000-0000-4000-8000-000000000006";

    /** A list endpoint, the item schema of its pages, and the schema of one record read by id. */
    record Endpoint(String path, String itemSchema, String recordSchema) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/hsds/services", "compiled/service_list.json", "compiled/service.json"),
            new Endpoint("/hsds/organizations", "compiled/organization_list.json", "compiled/organization.json"),
            new Endpoint("/hsds/locations", "location.json", "location.json"),
            new Endpoint("/hsds/service_at_locations", "compiled/service_at_location_list.json",
                    "compiled/service_at_location.json"));

    static JsonNode get(String path, Map<String, ?> query) {
        Response r = given().queryParams(query).when().get(path);
        r.then().statusCode(200).contentType(ContentType.JSON);
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every page of a list, each checked against the schemas and the paging rules; the items of all pages. */
    static List<JsonNode> allPages(Endpoint e, Map<String, String> filters, int perPage) {
        List<JsonNode> items = new ArrayList<>();
        int pages = Integer.MAX_VALUE;
        for (int n = 1; n <= pages; n++) {
            Map<String, Object> query = new java.util.HashMap<>(filters);
            query.put("page", n);
            query.put("per_page", perPage);
            JsonNode page = get(e.path(), query);
            String what = e.path() + " " + query;
            HsdsSchemas.assertValidPage(e.itemSchema(), page, what);
            int total = page.path("total_items").asInt();
            pages = page.path("total_pages").asInt();
            assertEquals(Math.max(1, (total + perPage - 1) / perPage), pages, what + ": total_pages");
            assertEquals(n, page.path("page_number").asInt(), what);
            assertEquals(n == 1, page.path("first_page").asBoolean(), what);
            assertEquals(n == pages, page.path("last_page").asBoolean(), what);
            assertEquals(page.path("contents").size(), page.path("size").asInt(), what + ": size is the page's count");
            assertEquals(page.path("contents").isEmpty(), page.path("empty").asBoolean(), what);
            page.path("contents").forEach(items::add);
            if (n == pages) {
                assertEquals(total, items.size(), what + ": the pages hold total_items in all");
            }
        }
        assertEquals(items.size(), new LinkedHashSet<>(ids(items)).size(), e.path() + ": no item twice");
        return items;
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("id").asText()).toList();
    }

    @Test
    void everyAnswerOfEveryEndpointValidatesAgainstTheHsds30Schemas() {
        for (Endpoint e : ENDPOINTS) {
            List<JsonNode> items = allPages(e, Map.of(), 3);
            assertFalse(items.isEmpty(), e.path());
            for (JsonNode item : items) {
                HsdsSchemas.assertValid(e.itemSchema(), item, e.path() + " item");
                String id = item.path("id").asText();
                JsonNode record = get(e.path() + "/" + id, Map.of());
                HsdsSchemas.assertValid(e.recordSchema(), record, e.path() + "/" + id);
                assertEquals(id, record.path("id").asText());
            }
        }
        // lists give fully nested services: each also validates as a whole service
        for (JsonNode service : allPages(ENDPOINTS.get(0), Map.of(), 50)) {
            HsdsSchemas.assertValid("compiled/service.json", service, "a listed service");
        }
        JsonNode about = get("/hsds", Map.of());
        assertEquals("3.0", about.path("version").asText());
        assertTrue(about.path("openapi_url").asText().endsWith("/q/openapi"));
    }

    @Test
    void theOldExportIsAPageOfFullOrganizationsThatValidatesToo() {
        Response r = given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/directory/export/hsds");
        r.then().statusCode(200);
        HsdsSchemas.assertValidPage("compiled/organization.json", read(r), "/api/v1/directory/export/hsds");
    }

    @Test
    void searchByTaxonomyTermMunicipalityOrganizationAndText() {
        Endpoint services = ENDPOINTS.get(0);
        String shelter = HsdsRecords.termId(HsdsRecords.CATEGORY_TAXONOMY, "SHELTER").toString();
        List<JsonNode> byId = allPages(services, Map.of("taxonomy_term_id", shelter), 2);
        assertFalse(byId.isEmpty());
        for (JsonNode s : byId) {
            assertTrue(termIds(s).contains(shelter), s.path("name").asText() + " is no shelter");
        }
        assertEquals(ids(byId), ids(allPages(services, Map.of("taxonomy_term_id", "shelter"), 50)), "by code");
        assertTrue(ids(byId).contains(KIRS_KIKINDA));

        // Kikinda in Latin or Cyrillic: the location's municipality or a service area
        List<JsonNode> kikinda = allPages(services, Map.of("municipality", "kikinda"), 4);
        assertEquals(ids(kikinda), ids(allPages(services, Map.of("municipality", "Кикинда"), 50)));
        assertFalse(kikinda.isEmpty());
        for (JsonNode s : kikinda) {
            List<String> places = new ArrayList<>();
            s.path("service_areas").forEach(a -> places.add(a.path("name").asText()));
            s.path("service_at_locations").forEach(l -> places.add(l.path("location").path("addresses").path(0)
                    .path("city").asText()));
            assertTrue(places.contains("Kikinda"), s.path("name").asText() + " is not in Kikinda: " + places);
        }
        List<JsonNode> bijeljina = allPages(services, Map.of("municipality", "Bijeljina"), 50);
        assertFalse(bijeljina.isEmpty());
        assertTrue(ids(bijeljina).stream().noneMatch(ids(kikinda)::contains));

        // both: AND
        List<JsonNode> both = allPages(services, Map.of("municipality", "Kikinda", "taxonomy_term_id", "SHELTER"), 50);
        assertTrue(ids(both).contains(KIRS_KIKINDA));
        assertTrue(ids(kikinda).containsAll(ids(both)) && ids(byId).containsAll(ids(both)));
        assertEquals(0, allPages(services, Map.of("municipality", "Bijeljina", "taxonomy_term_id",
                HsdsRecords.termId(HsdsRecords.CATEGORY_TAXONOMY, "GUARDIANSHIP").toString(), "search", "Kikinda"), 50)
                .size());

        String kirs = HsdsRecords.organizationId("kirs").toString();
        List<JsonNode> ofKirs = allPages(services, Map.of("organization_id", kirs), 50);
        assertFalse(ofKirs.isEmpty());
        ofKirs.forEach(s -> assertEquals(kirs, s.path("organization_id").asText()));
        List<JsonNode> legal = allPages(services, Map.of("taxonomy_id", HsdsRecords.LEGAL_STATUS_TAXONOMY), 50);
        assertTrue(ids(legal).contains(KIRS_KIKINDA));
        assertEquals(ids(allPages(services, Map.of("search", "PRIHVATNI"), 50)).contains(KIRS_KIKINDA), true);

        // the other lists filter the same way
        List<JsonNode> orgs = allPages(ENDPOINTS.get(1), Map.of("taxonomy_term_id", "SHELTER"), 2);
        assertTrue(ids(orgs).contains(kirs));
        assertFalse(ids(orgs).contains(HsdsRecords.organizationId("minrzs").toString()), "minrzs gives no service");
        List<JsonNode> locations = allPages(ENDPOINTS.get(2), Map.of("municipality", "Kikinda"), 2);
        assertFalse(locations.isEmpty());
        locations.forEach(l -> assertEquals("Kikinda", l.path("addresses").path(0).path("city").asText()));
        List<JsonNode> atLocations = allPages(ENDPOINTS.get(3), Map.of("taxonomy_term_id", "SHELTER",
                "municipality", "Kikinda"), 1);
        assertTrue(atLocations.stream().anyMatch(a -> a.path("service_id").asText().equals(KIRS_KIKINDA)));
        atLocations.forEach(a -> assertTrue(ids(byId).contains(a.path("service_id").asText())));
        assertEquals(0, allPages(services, Map.of("modified_after", "2999-01-01"), 50).size());
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndTheHeaderStillCounts() {
        JsonNode all = get("/hsds/services", Map.of("per_page", 200));
        int total = all.path("total_items").asInt();
        assertEquals(1, all.path("total_pages").asInt());
        JsonNode byDefault = get("/hsds/services", Map.of());
        assertEquals(Math.min(total, HsdsQuery.DEFAULT_PER_PAGE), byDefault.path("size").asInt());
        assertEquals(1, byDefault.path("page_number").asInt(), "pages count from 1");
        JsonNode beyond = get("/hsds/services", Map.of("page", 99, "per_page", 5));
        HsdsSchemas.assertValidPage("compiled/service_list.json", beyond, "page 99");
        assertEquals(total, beyond.path("total_items").asInt());
        assertEquals(0, beyond.path("size").asInt());
        assertTrue(beyond.path("empty").asBoolean());
        assertTrue(beyond.path("last_page").asBoolean());
        assertFalse(beyond.path("first_page").asBoolean());
    }

    @Test
    void badParametersAreA400NamingThem() {
        Map<String, String> bad = Map.of("page", "0", "per_page", "201", "organization_id", "kirs",
                "modified_after", "yesterday", "search", "x".repeat(201));
        for (Endpoint e : ENDPOINTS) {
            for (Map.Entry<String, String> p : bad.entrySet()) {
                if (e.path().endsWith("/organizations") && Set.of("organization_id", "modified_after").contains(p.getKey())
                        || e.path().endsWith("/locations") && p.getKey().equals("modified_after")) {
                    continue; // not parameters of these lists
                }
                given().queryParam(p.getKey(), p.getValue()).when().get(e.path())
                        .then().statusCode(400).contentType(PROBLEM)
                        .body("type", equalTo("urn:uputnica:problem:validation"))
                        .body("errors.field", hasItem(p.getKey()));
            }
            for (String perPage : List.of("0", "-1", "abc", "1.5", "99999999999")) {
                given().queryParam("per_page", perPage).when().get(e.path()).then().statusCode(400).contentType(PROBLEM)
                        .body("errors.field", hasItem("per_page"));
            }
        }
    }

    @Test
    void unknownIdsAre404Problems() {
        for (Endpoint e : ENDPOINTS) {
            for (String id : List.of("5c1f6a3e-0d7e-4a55-9d1e-2f0c8b7f9d10", "not-an-id", "kirs")) {
                given().when().get(e.path() + "/" + id).then().statusCode(404).contentType(PROBLEM)
                        .body("type", equalTo("urn:uputnica:problem:not-found"))
                        .body("instance", equalTo(e.path() + "/" + id));
            }
        }
    }

    @Test
    void noTokenIsNeededAndOneSentIsNotLookedAtWhileTheRestStaysProtected() {
        given().when().get("/hsds/services/" + KIRS_KIKINDA).then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").when().get("/hsds/services").then().statusCode(200);
        given().auth().oauth2(Tokens.of("test.noagency")).when().get("/hsds/organizations").then().statusCode(200);
        given().when().get("/api/v1/directory/services").then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/directory/export/hsds").then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/referrals").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentMarksTheHsdsOperationsPublic() {
        JsonNode paths = read(given().queryParam("format", "json").when().get("/q/openapi")).path("paths");
        int hsds = 0;
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            JsonNode get = path.getValue().path("get");
            if (path.getKey().startsWith("/hsds")) {
                hsds++;
                JsonNode security = get.path("security");
                assertTrue(security.isArray() && (security.isEmpty() || security.size() == 1 && security.get(0).isEmpty()),
                        path.getKey() + " must carry an empty security requirement: " + security);
                assertTrue(get.path("responses").has("429"), path.getKey());
                assertFalse(get.path("responses").has("401"), path.getKey() + " answers no 401");
            } else if (!get.isMissingNode() && !path.getKey().startsWith("/q/") && !path.getKey().equals("/fhir/metadata")) {
                // every other operation needs a token (the FHIR CapabilityStatement is public too)
                assertFalse(get.path("security").isEmpty(), path.getKey() + " lost its security requirement");
            }
        }
        assertEquals(9, hsds);
    }

    private static List<String> termIds(JsonNode service) {
        List<String> ids = new ArrayList<>();
        service.path("attributes").forEach(a -> ids.add(a.path("taxonomy_term").path("id").asText()));
        return ids;
    }

    private static JsonNode read(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
