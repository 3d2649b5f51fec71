package org.uputnica.referrals.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class DirectoryApiTest {
    static final String PROBLEM = "application/problem+json";
    static final String SERVICES = "/api/v1/directory/services";

    // seeded in V3_1__directory_demo_data.sql
    static final String ROD_PSYCHOSOCIAL = "d1000000-0000-4000-8000-000000000001";
    static final String ROD_DAY_CARE = "d1000000-0000-4000-8000-000000000002";
    static final String ROD_GIRLS_GROUP = "d1000000-0000-4000-8000-000000000003";
    static final String IOM_INTERPRETATION = "d1000000-0000-4000-8000-000000000004";
    static final String KIRS_KIKINDA = "d1000000-0000-4000-8000-000000000006";
    static final String KIRS_KRNJACA = "d1000000-0000-4000-8000-000000000007";
    static final String CSR_KIKINDA_GUARDIANSHIP = "d1000000-0000-4000-8000-000000000008";
    static final String CSR_KIKINDA_CASE_MANAGEMENT = "d1000000-0000-4000-8000-000000000009";
    static final String CSR_KIKINDA_FOSTER_CARE = "d1000000-0000-4000-8000-000000000010";
    static final String OTAHARIN_EDUCATION = "d1000000-0000-4000-8000-000000000011";
    static final String OTAHARIN_INFO_POINT = "d1000000-0000-4000-8000-000000000012";

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    /** A search with the query given as {@code a=1&b=2}; each value is URL-encoded as a query parameter. */
    static ValidatableResponse search(String user, String query) {
        RequestSpecification request = as(user);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request = request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return request.when().get(SERVICES).then();
    }

    static List<String> ids(String query) {
        return search("ana.csr", query).statusCode(200).extract().jsonPath().getList("items.id");
    }

    /** A valid new service of the caller's agency in a municipality of its own, so searches can single it out. */
    static Map<String, Object> service(String municipality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "PSYCHOSOCIAL_SUPPORT");
        body.put("name", "Savetovalište za roditelje");
        body.put("description", "Counselling for parents of children at risk.");
        body.put("eligibility", new LinkedHashMap<>(Map.of("minAge", 0, "maxAge", 17, "sex", "ANY",
                "legalStatuses", List.of("CITIZEN", "RETURNEE"), "description", "Parents and their children")));
        body.put("languages", List.of("SR", "hu", "rom", "sr"));
        body.put("interpretationAvailable", true);
        body.put("location", new LinkedHashMap<>(Map.of("name", "Savetovalište", "address", "Glavna 1",
                "postalCode", "23300", "municipality", municipality, "latitude", 45.83, "longitude", 20.46)));
        body.put("serviceAreas", List.of("Kikinda", "Novi Kneževac"));
        body.put("contact", Map.of("name", "Prijem", "email", "prijem@udruzenje-rod.uputnica.test",
                "phone", "+381 230 000 299"));
        body.put("schedules", List.of(
                Map.of("weekday", "TUESDAY", "opensAt", "14:00", "closesAt", "18:00"),
                Map.of("weekday", "MONDAY", "opensAt", "09:00", "closesAt", "12:00"),
                Map.of("weekday", "MONDAY", "opensAt", "13:00", "closesAt", "15:30")));
        body.put("capacity", Map.of("capacity", 10, "vacancies", 10, "waitlist", 0));
        return body;
    }

    static String uniqueMunicipality() {
        return "Testovo " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String create(Map<String, Object> body) {
        return as("nina.admin").contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return as("nina.admin").when().get(SERVICES + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void searchByCategoryMunicipalityAndLanguage() {
        search("ana.csr", "category=SHELTER").statusCode(200)
                .body("items.category", everyItem(equalTo("SHELTER")))
                .body("items.id", hasItems(KIRS_KIKINDA, KIRS_KRNJACA, CSR_KIKINDA_FOSTER_CARE))
                .body("items.id", not(hasItem(CSR_KIKINDA_CASE_MANAGEMENT)));
        assertEquals(ids("category=SHELTER"), ids("category=shelter"), "enum values are case-insensitive");

        List<String> kikinda = ids("municipality=Kikinda&size=200");
        assertTrue(kikinda.containsAll(List.of(ROD_PSYCHOSOCIAL, KIRS_KIKINDA, CSR_KIKINDA_GUARDIANSHIP,
                IOM_INTERPRETATION)), "by location and by service area (IOM covers Kikinda from Beograd)");
        assertTrue(kikinda.stream().noneMatch(List.of(OTAHARIN_EDUCATION, KIRS_KRNJACA)::contains));
        assertEquals(kikinda, ids("municipality=kikinda&size=200"));
        assertEquals(kikinda, ids("municipality=Кикинда&size=200"),
                "Кикинда in Cyrillic is the same place");
        assertTrue(ids("municipality=sid").contains(IOM_INTERPRETATION), "Šid without the diacritic");

        search("ana.csr", "language=hu&size=200").statusCode(200)
                .body("items.languages", everyItem(hasItem("hu")))
                .body("items.id", hasItems(ROD_PSYCHOSOCIAL, CSR_KIKINDA_GUARDIANSHIP))
                .body("items.id", not(hasItem(IOM_INTERPRETATION)));
        assertTrue(ids("language=FA&size=200").containsAll(List.of(IOM_INTERPRETATION, KIRS_KIKINDA, KIRS_KRNJACA)));
        search("ana.csr", "agency=otaharin").statusCode(200)
                .body("items.agency.alias", everyItem(equalTo("otaharin")))
                .body("items.id", containsInAnyOrder(OTAHARIN_EDUCATION, OTAHARIN_INFO_POINT));
    }

    @Test
    void searchByAgeSexLegalStatusAndVacancy() {
        List<String> age15 = ids("category=EDUCATION&age=15");
        assertTrue(age15.contains(OTAHARIN_EDUCATION) && !age15.contains(ROD_DAY_CARE), "day care is for 6 to 14");
        List<String> age10 = ids("category=EDUCATION&age=10");
        assertTrue(age10.containsAll(List.of(OTAHARIN_EDUCATION, ROD_DAY_CARE)));
        assertTrue(ids("category=EDUCATION&age=16").stream().noneMatch(List.of(OTAHARIN_EDUCATION, ROD_DAY_CARE)::contains));

        assertTrue(ids("agency=udruzenje-rod&sex=female&size=200").contains(ROD_GIRLS_GROUP));
        List<String> boys = ids("agency=udruzenje-rod&sex=MALE&size=200");
        assertTrue(boys.contains(ROD_PSYCHOSOCIAL) && !boys.contains(ROD_GIRLS_GROUP));
        assertTrue(!ids("agency=udruzenje-rod&sex=UNKNOWN&size=200").contains(ROD_GIRLS_GROUP));

        List<String> returnees = ids("legalStatus=RETURNEE&size=200");
        assertTrue(returnees.containsAll(List.of(OTAHARIN_INFO_POINT, OTAHARIN_EDUCATION, CSR_KIKINDA_GUARDIANSHIP,
                IOM_INTERPRETATION)), "services naming the status and services without a restriction");
        assertTrue(returnees.stream().noneMatch(List.of(KIRS_KIKINDA, KIRS_KRNJACA)::contains));

        search("ana.csr", "category=SHELTER&hasVacancy=true").statusCode(200)
                .body("items.capacity.vacancies", everyItem(org.hamcrest.Matchers.greaterThan(0)))
                .body("items.id", hasItem(KIRS_KIKINDA))
                .body("items.id", not(hasItem(KIRS_KRNJACA)));
        search("ana.csr", "hasVacancy=false&size=200").statusCode(200)
                .body("items.capacity.vacancies", everyItem(equalTo(0)))
                .body("items.id", hasItem(KIRS_KRNJACA))
                .body("items.id", not(hasItem(KIRS_KIKINDA)))
                .body("items.id", not(hasItem(ROD_PSYCHOSOCIAL))); // a service without places is neither
        assertTrue(!ids("hasVacancy=true&size=200").contains(ROD_PSYCHOSOCIAL));

        // the result carries what a caseworker needs to choose: agency, eligibility, languages, places
        String krnjaca = "items.find { it.id == '" + KIRS_KRNJACA + "' }";
        search("dragan.kirs", "hasVacancy=false&agency=kirs").statusCode(200)
                .body(krnjaca + ".agency.name", equalTo("Komesarijat za izbeglice i migracije"))
                .body(krnjaca + ".agency.kind", equalTo("government-agency"))
                .body(krnjaca + ".eligibility.legalStatuses", contains("ASYLUM_SEEKER"))
                .body(krnjaca + ".languages", hasItems("ar", "fa", "ps", "ur"))
                .body(krnjaca + ".interpretationAvailable", equalTo(true))
                .body(krnjaca + ".capacity.capacity", equalTo(1000))
                .body(krnjaca + ".capacity.vacancies", equalTo(0))
                .body(krnjaca + ".capacity.waitlist", equalTo(12))
                .body(krnjaca + ".capacity.updatedAt", notNullValue())
                .body(krnjaca + ".location.municipality", equalTo("Beograd"));
    }

    @Test
    void filtersCombineAndPage() {
        search("marko.rod", "category=SHELTER&municipality=Kikinda&language=fa&legalStatus=ASYLUM_SEEKER"
                + "&hasVacancy=true&age=16&sex=MALE").statusCode(200)
                .body("items.id", contains(KIRS_KIKINDA))
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("Prihvatni centar Kikinda"))
                .body("items[0].capacity.capacity", equalTo(150))
                .body("items[0].schedules", hasSize(7))
                .body("items[0].schedules[0].weekday", equalTo("MONDAY"))
                .body("items[0].schedules[0].opensAt", equalTo("00:00"))
                .body("items[0].schedules[0].closesAt", equalTo("23:59"));
        search("marko.rod", "category=SHELTER&municipality=Kikinda&language=fa&legalStatus=CITIZEN").statusCode(200)
                .body("items", empty()).body("total", equalTo(0));

        search("senad.csr", "agency=csr-bijeljina&size=2").statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2));
        search("senad.csr", "agency=csr-bijeljina&size=2&page=1").statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(3)).body("page", equalTo(1));
        search("senad.csr", "agency=csr-bijeljina&category=&municipality=&hasVacancy=").statusCode(200)
                .body("total", equalTo(3)); // empty parameters count as absent
    }

    @Test
    void badSearchParametersAre400NamingTheParameter() {
        search("ana.csr", "category=SPA").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("category"))
                .body("errors[0].message", startsWith("must be one of [PSYCHOSOCIAL_SUPPORT"));
        search("ana.csr", "legalStatus=TOURIST").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("legalStatus"));
        search("ana.csr", "hasVacancy=maybe").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("hasVacancy"));
        search("ana.csr", "language=farsi!").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("language"));
        search("ana.csr", "age=abc&sex=X&size=0&page=-1&agency=Not_An_Alias").statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("age", "sex", "size", "page", "agency"));
        search("ana.csr", "age=121").statusCode(400).body("errors.field", contains("age"));
        search("ana.csr", "size=201").statusCode(400).body("errors.field", contains("size"));
        as("ana.csr").when().get("/api/v1/directory/agencies/udruzenje-rod?includeInactive=yes")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("includeInactive"));
    }

    /** Found by HostileInputIT: a NUL reached the SQL parameters and failed there (500); half a pair was stored as "?". */
    @Test
    void textPostgresCannotHoldIsRefusedBeforeItReachesTheDatabase() {
        as("ana.csr").urlEncodingEnabled(false).when().get(SERVICES + "?municipality=Kikinda%00")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", contains("municipality"));
        as("ana.csr").urlEncodingEnabled(false).when().get("/api/v1/directory/agencies/udruzenje-rod%00")
                .then().statusCode(404).contentType(PROBLEM);
        as("ana.csr").urlEncodingEnabled(false).when().get("/api/v1/working-groups/kikinda%00/statistics")
                .then().statusCode(404).contentType(PROBLEM);

        Map<String, Object> body = service(uniqueMunicipality() + "\u0000");
        post(body).body("errors.field", contains("location.municipality"));
        as("nina.admin").contentType(ContentType.JSON)
                .body("{\"category\": \"SHELTER\", \"name\": \"Sklonište \\ud800\", "
                        + "\"location\": {\"address\": \"Ulica 1\", \"municipality\": \"Kikinda\"}}")
                .when().post(SERVICES)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("name"));
    }

    @Test
    void servicesAndAgenciesAreReadByIdAndUnknownOnesAre404() {
        as("amra.otaharin").when().get(SERVICES + "/" + KIRS_KIKINDA).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(KIRS_KIKINDA))
                .body("agency.alias", equalTo("kirs"))
                .body("category", equalTo("SHELTER"))
                .body("status", equalTo("ACTIVE"))
                .body("serviceAreas", contains("Kikinda"))
                .body("location.address", equalTo("Severna industrijska zona bb"))
                .body("contact.email", equalTo("pc.kikinda@kirs.uputnica.test"));
        as("amra.otaharin").when().get(SERVICES + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:not-found"));
        as("amra.otaharin").when().get(SERVICES + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);

        as("ana.csr").when().get("/api/v1/directory/agencies/udruzenje-rod").then().statusCode(200)
                .body("alias", equalTo("udruzenje-rod"))
                .body("kind", equalTo("ngo"))
                .body("municipality", equalTo("Kikinda"))
                .body("country", equalTo("RS"))
                .body("website", equalTo("https://udruzenje-rod.uputnica.test"))
                .body("services.id", hasItems(ROD_PSYCHOSOCIAL, ROD_DAY_CARE, ROD_GIRLS_GROUP))
                .body("services.status", everyItem(equalTo("ACTIVE")))
                .body("services.find { it.id == '" + ROD_DAY_CARE + "' }.capacity.capacity", equalTo(20));
        as("ana.csr").when().get("/api/v1/directory/agencies/minrzs").then().statusCode(200)
                .body("kind", equalTo("ministry")).body("services", empty());
        as("ana.csr").when().get("/api/v1/directory/agencies/nowhere").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        as("ana.csr").when().get("/api/v1/directory/agencies").then().statusCode(200)
                .body("alias", hasItems("csr-kikinda", "minrzs", "kirs", "udruzenje-rod", "iom-serbia", "csr-bijeljina",
                        "otaharin"))
                .body("kind", everyItem(notNullValue()))
                .body("municipality", everyItem(notNullValue()));
        // the agency list of referrals keeps its fields
        as("ana.csr").when().get("/api/v1/agencies").then().statusCode(200)
                .body("find { it.alias == 'otaharin' }.name", equalTo("Otaharin (Bijeljina)"))
                .body("find { it.alias == 'otaharin' }.country", equalTo("BA"));
    }

    @Test
    void withoutTokenOrAgencyTheDirectoryIsClosed() {
        given().when().get(SERVICES).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:unauthenticated"));
        given().when().get(SERVICES + "/" + KIRS_KIKINDA).then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/v1/directory/export/hsds").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(service(uniqueMunicipality())).when().post(SERVICES)
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").when().get(SERVICES).then().statusCode(401).contentType(PROBLEM);
        as("test.noagency").when().get(SERVICES).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:no-agency"));
        as("test.noagency").when().get("/api/v1/directory/export/hsds").then().statusCode(403)
                .body("type", equalTo("urn:uputnica:problem:no-agency"));
    }

    @Test
    void anAgencyAdminAddsChangesDeactivatesAndReactivatesItsOwnService() {
        String municipality = uniqueMunicipality();
        var created = as("nina.admin").contentType(ContentType.JSON).body(service(municipality))
                .when().post(SERVICES)
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("agency.alias", equalTo("udruzenje-rod"))
                .body("status", equalTo("ACTIVE"))
                .body("languages", contains("sr", "hu", "rom"))
                .body("serviceAreas", contains("Kikinda", "Novi Kneževac"))
                .body("eligibility.legalStatuses", contains("CITIZEN", "RETURNEE"))
                .body("schedules.weekday", contains("MONDAY", "MONDAY", "TUESDAY"))
                .body("schedules.opensAt", contains("09:00", "13:00", "14:00"))
                .body("capacity.capacity", equalTo(10))
                .body("capacity.vacancies", equalTo(10))
                .body("capacity.updatedBy", equalTo("nina.admin"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(SERVICES + "/" + id));

        // found by its location's municipality, in any case
        search("ana.csr", "municipality=" + municipality.toUpperCase()).statusCode(200)
                .body("items.id", contains(id));
        as("nina.admin").when().get(SERVICES + "/" + id + "/capacity/history").then().statusCode(200)
                .body("vacancies", contains(10)).body("updatedBy", contains("nina.admin"));

        Map<String, Object> changed = service(municipality);
        changed.remove("capacity");
        changed.put("name", "Savetovalište za roditelje i decu");
        changed.put("languages", List.of("sr", "en"));
        changed.put("schedules", List.of(Map.of("weekday", "FRIDAY", "opensAt", "10:00", "closesAt", "12:00")));
        String v0 = etag(id);
        String v1 = as("nina.admin").contentType(ContentType.JSON).header("If-Match", v0).body(changed)
                .when().put(SERVICES + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Savetovalište za roditelje i decu"))
                .body("languages", contains("sr", "en"))
                .body("schedules.weekday", contains("FRIDAY"))
                .body("capacity.capacity", equalTo(10)) // a PUT of the service keeps the capacity
                .extract().header("ETag");
        assertNotEquals(v0, v1);
        as("nina.admin").contentType(ContentType.JSON).header("If-Match", v0).body(changed)
                .when().put(SERVICES + "/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:stale-version"));
        search("ana.csr", "municipality=" + municipality + "&language=hu").statusCode(200).body("items", empty());

        as("nina.admin").header("If-Match", v0).when().delete(SERVICES + "/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        as("nina.admin").header("If-Match", v1).when().delete(SERVICES + "/" + id)
                .then().statusCode(200).body("status", equalTo("INACTIVE"));
        as("nina.admin").when().delete(SERVICES + "/" + id).then().statusCode(200).body("status", equalTo("INACTIVE"));
        search("ana.csr", "municipality=" + municipality).statusCode(200).body("items", empty());
        as("ana.csr").when().get(SERVICES + "/" + id).then().statusCode(200).body("status", equalTo("INACTIVE"));
        as("ana.csr").when().get("/api/v1/directory/agencies/udruzenje-rod").then().statusCode(200)
                .body("services.id", not(hasItem(id)));
        as("nina.admin").when().get("/api/v1/directory/agencies/udruzenje-rod?includeInactive=true").then()
                .statusCode(200).body("services.find { it.id == '" + id + "' }.status", equalTo("INACTIVE"));

        changed.put("status", "ACTIVE");
        as("nina.admin").contentType(ContentType.JSON).body(changed).when().put(SERVICES + "/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        search("ana.csr", "municipality=" + municipality).statusCode(200).body("items.id", contains(id));
    }

    @Test
    void nobodyChangesAnotherAgencysServicesAndCaseworkersChangeNone() {
        Map<String, Object> body = service(uniqueMunicipality());
        body.remove("capacity");
        String kirsEtag = as("dragan.kirs").when().get(SERVICES + "/" + KIRS_KIKINDA).then().extract().header("ETag");

        // an admin of another agency
        as("nina.admin").contentType(ContentType.JSON).body(body).when().put(SERVICES + "/" + KIRS_KIKINDA)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-owning-agency"));
        as("nina.admin").when().delete(SERVICES + "/" + KIRS_KIKINDA)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-owning-agency"));
        as("nina.admin").contentType(ContentType.JSON).body(Map.of("capacity", 150, "vacancies", 150, "waitlist", 0))
                .when().put(SERVICES + "/" + KIRS_KIKINDA + "/capacity")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-owning-agency"));
        as("nina.admin").when().get(SERVICES + "/" + KIRS_KIKINDA + "/capacity/history")
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:not-owning-agency"));
        // a supervisor of another agency
        as("milica.supervisor").contentType(ContentType.JSON).body(Map.of("capacity", 20, "vacancies", 0, "waitlist", 5))
                .when().put(SERVICES + "/" + ROD_DAY_CARE + "/capacity")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:not-owning-agency"));

        // caseworkers, even of the owning agency, and supervisors change no service
        as("ana.csr").contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("milica.supervisor").contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("dragan.kirs").contentType(ContentType.JSON).body(body).when().put(SERVICES + "/" + KIRS_KIKINDA)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("dragan.kirs").when().delete(SERVICES + "/" + KIRS_KIKINDA)
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("marko.rod").contentType(ContentType.JSON).body(Map.of("capacity", 20, "vacancies", 0, "waitlist", 5))
                .when().put(SERVICES + "/" + ROD_DAY_CARE + "/capacity")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("petar.ministry").contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:forbidden"));

        as("dragan.kirs").when().get(SERVICES + "/" + KIRS_KIKINDA).then().statusCode(200)
                .header("ETag", equalTo(kirsEtag))
                .body("name", equalTo("Prihvatni centar Kikinda"))
                .body("capacity.vacancies", equalTo(23))
                .body("status", equalTo("ACTIVE"));
        as("ana.csr").when().get(SERVICES + "/" + ROD_DAY_CARE).then().statusCode(200)
                .body("capacity.vacancies", equalTo(4));
    }

    @Test
    void theProviderReportsItsPlacesAndTheSearchShowsThem() {
        String before = as("milica.supervisor").when().get(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE)
                .then().statusCode(200).extract().header("ETag");
        String full = as("milica.supervisor").contentType(ContentType.JSON).header("If-Match", before)
                .body(Map.of("capacity", 6, "vacancies", 0, "waitlist", 2))
                .when().put(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE + "/capacity")
                .then().statusCode(200)
                .body("capacity.capacity", equalTo(6))
                .body("capacity.vacancies", equalTo(0))
                .body("capacity.waitlist", equalTo(2))
                .body("capacity.updatedBy", equalTo("milica.supervisor"))
                .extract().header("ETag");
        assertNotEquals(before, full);
        search("ana.csr", "agency=csr-kikinda&hasVacancy=true").statusCode(200)
                .body("items.id", not(hasItem(CSR_KIKINDA_FOSTER_CARE)));
        search("ivana.iom", "agency=csr-kikinda&hasVacancy=false").statusCode(200)
                .body("items.id", contains(CSR_KIKINDA_FOSTER_CARE))
                .body("items[0].capacity.waitlist", equalTo(2));

        // a stale ETag loses; the figures stay
        as("milica.supervisor").contentType(ContentType.JSON).header("If-Match", before)
                .body(Map.of("capacity", 6, "vacancies", 6, "waitlist", 0))
                .when().put(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE + "/capacity")
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:stale-version"));

        as("milica.supervisor").contentType(ContentType.JSON).header("If-Match", full)
                .body(Map.of("capacity", 6, "vacancies", 3, "waitlist", 0))
                .when().put(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE + "/capacity")
                .then().statusCode(200).body("capacity.vacancies", equalTo(3));
        search("marko.rod", "category=SHELTER&municipality=Kikinda&hasVacancy=true&age=9").statusCode(200)
                .body("items.id", hasItem(CSR_KIKINDA_FOSTER_CARE))
                .body("items.find { it.id == '" + CSR_KIKINDA_FOSTER_CARE + "' }.capacity.vacancies", equalTo(3))
                .body("items.find { it.id == '" + CSR_KIKINDA_FOSTER_CARE + "' }.capacity.updatedAt", notNullValue());

        // the giving agency, any of its staff, sees every update, newest first
        as("ana.csr").when().get(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE + "/capacity/history").then()
                .statusCode(200)
                .body("vacancies[0]", equalTo(3))
                .body("vacancies[1]", equalTo(0))
                .body("updatedBy[0]", equalTo("milica.supervisor"))
                .body("agency", everyItem(equalTo("csr-kikinda")))
                .body("updatedBy", hasItem("seed"));
        // but not the caseworker: only admins and supervisors report places
        as("ana.csr").contentType(ContentType.JSON).body(Map.of("capacity", 6, "vacancies", 6, "waitlist", 0))
                .when().put(SERVICES + "/" + CSR_KIKINDA_FOSTER_CARE + "/capacity")
                .then().statusCode(403).body("type", equalTo("urn:uputnica:problem:forbidden"));

        // a service without places gets them with its first report
        as("milica.supervisor").contentType(ContentType.JSON).body(Map.of("capacity", 30, "vacancies", 30, "waitlist", 0))
                .when().put(SERVICES + "/" + UUID.randomUUID() + "/capacity")
                .then().statusCode(404).contentType(PROBLEM);
        String id = create(withoutCapacity(service(uniqueMunicipality())));
        as("nina.admin").when().get(SERVICES + "/" + id).then().body("capacity", nullValue());
        as("nina.admin").contentType(ContentType.JSON).body(Map.of("capacity", 8, "vacancies", 1, "waitlist", 0))
                .when().put(SERVICES + "/" + id + "/capacity")
                .then().statusCode(200).body("capacity.vacancies", equalTo(1));
    }

    static Map<String, Object> withoutCapacity(Map<String, Object> body) {
        body.remove("capacity");
        return body;
    }

    @Test
    void invalidServicesAndCapacitiesAre400NamingTheFields() {
        Map<String, Object> body = service(uniqueMunicipality());
        body.remove("category");
        body.put("name", " ");
        post(body).body("errors.field", containsInAnyOrder("category", "name"));

        body = service(uniqueMunicipality());
        body.put("capacity", Map.of("capacity", 5, "vacancies", 6, "waitlist", 0));
        post(body).body("errors.field", contains("capacity.vacancies"))
                .body("errors[0].message", equalTo("must not exceed capacity.capacity"));

        body = service(uniqueMunicipality());
        body.put("eligibility", Map.of("minAge", 10, "maxAge", 5));
        body.put("languages", List.of("sr", "", "farsi!"));
        body.put("serviceAreas", List.of("Kikinda", " "));
        post(body).body("errors.field", containsInAnyOrder("eligibility.maxAge", "languages[1]", "languages[2]",
                "serviceAreas[1]"));

        body = service(uniqueMunicipality());
        body.put("eligibility", Map.of("minAge", -1, "maxAge", 130));
        post(body).body("errors.field", containsInAnyOrder("eligibility.minAge", "eligibility.maxAge"));

        body = service(uniqueMunicipality());
        body.put("schedules", List.of(
                Map.of("weekday", "MONDAY", "opensAt", "16:00", "closesAt", "09:00"),
                Map.of("weekday", "TUESDAY", "opensAt", "09:00", "closesAt", "13:00"),
                Map.of("weekday", "TUESDAY", "opensAt", "12:00", "closesAt", "16:00")));
        post(body).body("errors.field", containsInAnyOrder("schedules[0].closesAt", "schedules[2]"));

        body = service(uniqueMunicipality());
        body.put("schedules", List.of(Map.of("weekday", "FUNDAY", "opensAt", "09:00", "closesAt", "13:00")));
        post(body).body("errors.field", contains("schedules[0].weekday"))
                .body("errors[0].message", startsWith("must be one of [MONDAY"));
        body.put("schedules", List.of(Map.of("weekday", "MONDAY", "opensAt", "9am", "closesAt", "13:00")));
        post(body).body("errors.field", contains("schedules[0].opensAt"));
        body.put("schedules", List.of(Map.of("weekday", "MONDAY", "closesAt", "13:00")));
        post(body).body("errors.field", contains("schedules[0].opensAt"));

        body = service(uniqueMunicipality());
        body.put("eligibility", Map.of("legalStatuses", List.of("TOURIST")));
        post(body).body("errors.field", contains("eligibility.legalStatuses[0]"));
        body.put("eligibility", Map.of("sex", "BOTH"));
        post(body).body("errors.field", contains("eligibility.sex"));

        body = service(uniqueMunicipality());
        body.put("location", Map.of("address", "Glavna 1", "latitude", 45.8));
        body.put("contact", Map.of("email", "not an email", "phone", "call me"));
        post(body).body("errors.field", containsInAnyOrder("location.municipality", "contact.email", "contact.phone"));
        body.put("location", Map.of("address", "Glavna 1", "municipality", "Kikinda", "latitude", 45.8));
        body.put("contact", Map.of("name", "Prijem"));
        post(body).body("errors.field", contains("location.longitude"));
        body.put("location", Map.of("address", "Glavna 1", "municipality", "Kikinda", "latitude", 95.0, "longitude", 20.0));
        post(body).body("errors.field", contains("location.latitude"));

        as("nina.admin").contentType(ContentType.JSON).body("{\"category\": \"SHELTER\", \"name\": ").when().post(SERVICES)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:malformed-request"));
        as("nina.admin").contentType(ContentType.JSON).when().post(SERVICES)
                .then().statusCode(400).contentType(PROBLEM);

        // the capacity of an existing service
        String capacity = SERVICES + "/" + ROD_DAY_CARE + "/capacity";
        as("nina.admin").contentType(ContentType.JSON).body(Map.of("capacity", 20, "vacancies", 21, "waitlist", 0))
                .when().put(capacity).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("vacancies"))
                .body("errors[0].message", equalTo("must not exceed capacity"));
        as("nina.admin").contentType(ContentType.JSON).body(Map.of("capacity", -1, "vacancies", 0))
                .when().put(capacity).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("capacity", "waitlist"));
        as("nina.admin").contentType(ContentType.JSON).body("{\"capacity\": \"twenty\", \"vacancies\": 1, \"waitlist\": 0}")
                .when().put(capacity).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("capacity"));
        as("nina.admin").contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(Map.of("capacity", 20, "vacancies", 4, "waitlist", 0))
                .when().put(capacity).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("If-Match"));

        // a PUT of the service does not change the capacity
        Map<String, Object> replacement = service(uniqueMunicipality());
        as("nina.admin").contentType(ContentType.JSON).body(replacement).when().put(SERVICES + "/" + ROD_DAY_CARE)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("capacity"));
        as("ana.csr").when().get(SERVICES + "/" + ROD_DAY_CARE).then().statusCode(200)
                .body("name", equalTo("Dnevni boravak za decu")).body("capacity.vacancies", equalTo(4));
    }

    static ValidatableResponse post(Map<String, Object> body) {
        return as("nina.admin").contentType(ContentType.JSON).body(body).when().post(SERVICES)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:uputnica:problem:validation"));
    }

    @Test
    void theHsdsExportHoldsEveryOrganisationAndServiceWithHsdsFieldNames() {
        JsonPath hsds = as("petar.ministry").when().get("/api/v1/directory/export/hsds")
                .then().statusCode(200).contentType(ContentType.JSON)
                // the 7 demo agencies, and any a platform admin's test added in this run's database
                .body("total_items", greaterThanOrEqualTo(7))
                .body("total_pages", equalTo(1))
                .body("page_number", equalTo(1))
                .body("first_page", equalTo(true))
                .body("last_page", equalTo(true))
                .body("empty", equalTo(false))
                .body("contents.name", hasItems("Centar za socijalni rad Kikinda", "Udruženje ROD Kikinda", "IOM Serbia",
                        "Komesarijat za izbeglice i migracije", "Centar za socijalni rad Bijeljina",
                        "Otaharin (Bijeljina)", "Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja"))
                .body("contents.organization_identifiers.identifier.flatten()", hasItems("csr-kikinda", "minrzs", "kirs",
                        "udruzenje-rod", "iom-serbia", "csr-bijeljina", "otaharin"))
                .extract().jsonPath();

        String kirs = "contents.find { it.organization_identifiers[0].identifier == 'kirs' }";
        Map<String, Object> org = hsds.getMap(kirs);
        for (String field : List.of("id", "name", "description", "email", "website", "phones", "locations", "services",
                "organization_identifiers")) {
            assertTrue(org.containsKey(field), "organization." + field);
        }
        assertEquals("Commissariat for refugees and migration (Serbia)", org.get("description"));
        UUID.fromString((String) org.get("id"));

        String shelter = kirs + ".services.find { it.id == '" + KIRS_KIKINDA + "' }";
        Map<String, Object> service = hsds.getMap(shelter);
        for (String field : List.of("id", "organization_id", "name", "description", "email", "status",
                "interpretation_services", "eligibility_description", "last_modified", "phones", "contacts",
                "schedules", "service_areas", "service_at_locations", "languages", "capacities", "attributes")) {
            assertTrue(service.containsKey(field), "service." + field);
        }
        assertEquals(org.get("id"), service.get("organization_id"));
        assertEquals("Prihvatni centar Kikinda", service.get("name"));
        assertEquals("active", service.get("status"));
        assertEquals(List.of("sr", "en", "ar", "fa"), hsds.getList(shelter + ".languages.code"));
        assertEquals("Persian", hsds.getString(shelter + ".languages.find { it.code == 'fa' }.name"));
        assertEquals(List.of("Kikinda"), hsds.getList(shelter + ".service_areas.name"));
        assertEquals("WEEKLY", hsds.getString(shelter + ".schedules[0].freq"));
        assertEquals("MO,TU,WE,TH,FR,SA,SU", hsds.getString(shelter + ".schedules[0].byday"));
        assertTrue(hsds.getString(shelter + ".schedules[0].opens_at").matches("00:00[+-]\\d\\d:\\d\\d"));
        assertTrue(hsds.getString(shelter + ".schedules[0].closes_at").startsWith("23:59"));
        assertEquals(150, hsds.getInt(shelter + ".capacities[0].maximum"));
        assertEquals(23, hsds.getInt(shelter + ".capacities[0].available"));
        assertEquals("place", hsds.getString(shelter + ".capacities[0].unit.name"));
        assertTrue(hsds.getString(shelter + ".capacities[0].updated").endsWith("Z"));
        String location = shelter + ".service_at_locations[0].location";
        assertEquals(hsds.getString(shelter + ".service_at_locations[0].location_id"), hsds.getString(location + ".id"));
        assertEquals("physical", hsds.getString(location + ".location_type"));
        assertEquals(45.8421, hsds.getDouble(location + ".latitude"), 1e-9);
        assertEquals("Kikinda", hsds.getString(location + ".addresses[0].city"));
        assertEquals("Severna industrijska zona bb", hsds.getString(location + ".addresses[0].address_1"));
        assertEquals("RS", hsds.getString(location + ".addresses[0].country"));
        assertTrue(hsds.getList(kirs + ".locations.id").contains(hsds.getString(location + ".id")));
        assertEquals("SHELTER", hsds.getString(shelter + ".attributes.find { it.link_type == 'category' }.taxonomy_term.code"));
        assertEquals(List.of("ASYLUM_SEEKER", "REFUGEE", "UNDOCUMENTED"),
                hsds.getList(shelter + ".attributes.findAll { it.link_type == 'eligibility' }.taxonomy_term.code"));

        String rod = "contents.find { it.organization_identifiers[0].identifier == 'udruzenje-rod' }";
        String dayCare = rod + ".services.find { it.id == '" + ROD_DAY_CARE + "' }";
        assertEquals(6, hsds.getInt(dayCare + ".minimum_age"));
        assertEquals(14, hsds.getInt(dayCare + ".maximum_age"));
        assertEquals("MO,TU,WE,TH,FR", hsds.getString(dayCare + ".schedules[0].byday"));
        assertTrue(hsds.getString(dayCare + ".schedules[0].opens_at").startsWith("12:00"));
        Set<String> rodLocations = new LinkedHashSet<>(hsds.getList(rod + ".services.service_at_locations.location_id.flatten()"));
        assertTrue(hsds.getList(rod + ".locations.id").containsAll(rodLocations),
                "every service location is one of the organization's locations");
        assertTrue(hsds.getList(rod + ".services.find { it.id == '" + ROD_GIRLS_GROUP + "' }"
                + ".attributes.taxonomy_term.code").contains("FEMALE"));

        String minrzs = "contents.find { it.organization_identifiers[0].identifier == 'minrzs' }";
        assertEquals(List.of(), hsds.getList(minrzs + ".services"));

        // ids are stable from one export to the next
        JsonPath again = as("ana.csr").when().get("/api/v1/directory/export/hsds").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(hsds.getString(shelter + ".schedules[0].id"), again.getString(shelter + ".schedules[0].id"));
        assertEquals(hsds.getString(location + ".id"), again.getString(location + ".id"));
        assertEquals(hsds.getString(kirs + ".id"), again.getString(kirs + ".id"));
    }

    @Test
    void seededMunicipalityKeysAreTheFoldedNames() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery(
                    "select cast(id as varchar), municipality, service_areas, municipality_keys from directory_service "
                            + "where created_by = 'seed'").getResultList();
            return r;
        });
        assertEquals(15, rows.size());
        for (Object[] row : rows) {
            List<String> expected = new ArrayList<>();
            expected.add(MunicipalityKey.of((String) row[1]));
            for (String area : strings(row[2])) {
                String key = MunicipalityKey.of(area);
                if (!expected.contains(key)) {
                    expected.add(key);
                }
            }
            assertEquals(expected, strings(row[3]), "municipality_keys of " + row[0]);
        }
    }

    private static List<String> strings(Object array) {
        try {
            Object values = array instanceof java.sql.Array sql ? sql.getArray() : array;
            return values instanceof Object[] items ? Arrays.stream(items).map(String.class::cast).toList()
                    : ((java.util.Collection<?>) values).stream().map(String.class::cast).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheDirectory() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/directory/services"))
                .body("paths", hasKey("/api/v1/directory/services/{id}/capacity"))
                .body("paths", hasKey("/api/v1/directory/export/hsds"))
                .body("paths.'/api/v1/directory/services'.post.requestBody.content.'application/json'.examples",
                        hasKey("day care"))
                .body("paths.'/api/v1/directory/services/{id}'.put.responses.'403'.content.'application/problem+json'"
                        + ".examples", hasKey("another agency"))
                .body("components.schemas", hasKey("DirectoryServiceInput"))
                .body("components.schemas", hasKey("DirectoryService"))
                .body("components.schemas.OpeningHours.properties.opensAt.type", equalTo("string"));
    }
}
