package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uputnica.notifications.InboxApiTest.as;

/** Preferences that people save for themselves, and agency mailboxes that agency admins manage. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class NotificationSettingsApiTest {
    static final String PROBLEM = "application/problem+json";
    static final String ME = "/api/v1/notification-settings/me";
    static final String RECIPIENTS = "/api/v1/notification-settings/recipients";

    @Test
    void untilSavedThePreferencesAreTheDefaultsInTheAccountsLanguage() {
        as("senad.csr").when().delete(ME).then().statusCode(204);
        JsonPath defaults = as("senad.csr").when().get(ME).then().statusCode(200).extract().jsonPath();
        assertFalse(defaults.getBoolean("registered"));
        assertEquals("bs", defaults.getString("language"), "the locale of senad's account");
        assertNull(defaults.get("email"));
        assertEquals(List.of("INBOX", "EMAIL"), defaults.getList("channels.REFERRAL_RECEIVED"));
        assertEquals(List.of("REFERRAL_OVERDUE", "REFERRAL_ESCALATED", "REFERRAL_SHARING_REVOKED"),
                defaults.getList("alwaysByEmail"));
        assertEquals("csr-bijeljina", defaults.getString("agency"));
    }

    @Test
    void savingReplacesThePreferencesAndRecordsTheCallersRolesAndGroups() {
        JsonPath saved = as("mirza.coordinator").contentType("application/json")
                .body(Map.of("email", "mirza@csr-bijeljina.uputnica.test",
                        "channels", Map.of("REFERRAL_SENT", List.of("INBOX"), "REFERRAL_OVERDUE", List.of("EMAIL"))))
                .when().put(ME).then().statusCode(200).extract().jsonPath();
        assertTrue(saved.getBoolean("registered"));
        assertEquals("bs", saved.getString("language"), "absent: the account's language");
        assertEquals(List.of("INBOX"), saved.getList("channels.REFERRAL_SENT"));
        assertEquals(List.of("INBOX", "EMAIL"), saved.getList("channels.REFERRAL_OVERDUE"), "the inbox is always on");
        assertEquals(List.of("coordinator"), saved.getList("roles"));
        assertEquals(List.of("bijeljina-child-protection"), saved.getList("workingGroups"));
        as("mirza.coordinator").when().get(ME).then().statusCode(200)
                .body("email", equalTo("mirza@csr-bijeljina.uputnica.test"))
                .body("channels.REFERRAL_SENT", equalTo(List.of("INBOX")));

        as("mirza.coordinator").contentType("application/json").body(Map.of("language", "sr-cyrl"))
                .when().put(ME).then().statusCode(200)
                .body("email", equalTo(null)).body("language", equalTo("sr-Cyrl"))
                .body("channels.REFERRAL_SENT", equalTo(List.of("INBOX", "EMAIL")));
        as("mirza.coordinator").when().delete(ME).then().statusCode(204);
        as("mirza.coordinator").when().get(ME).then().statusCode(200).body("registered", equalTo(false));
    }

    @Test
    void urgentNoticesCannotBeSwitchedOffAndBadValuesAreNamed() {
        as("senad.csr").contentType("application/json")
                .body(Map.of("language", "de", "channels", Map.of(
                        "REFERRAL_OVERDUE", List.of("INBOX"), "REFERRAL_LOST", List.of("EMAIL"), "REFERRAL_SENT", List.of("SMS"))))
                .when().put(ME).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:validation"))
                .body("errors.field", equalTo(List.of("channels.REFERRAL_LOST", "channels.REFERRAL_OVERDUE",
                        "channels.REFERRAL_SENT", "language")));
        as("senad.csr").contentType("application/json")
                .body(Map.of("channels", Map.of("REFERRAL_SHARING_REVOKED", List.of("INBOX"))))
                .when().put(ME).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("channels.REFERRAL_SHARING_REVOKED")))
                .body("errors.message", equalTo(List.of("urgent protection notices cannot be switched off: keep EMAIL")));
        as("senad.csr").contentType("application/json").body(Map.of("email", "not an address"))
                .when().put(ME).then().statusCode(400).body("errors.field", equalTo(List.of("email")));
        as("senad.csr").contentType("application/json").body("[]")
                .when().put(ME).then().statusCode(400).contentType(PROBLEM);
        as("senad.csr").when().get(ME).then().statusCode(200).body("registered", equalTo(false));
    }

    @Test
    void preferencesAreForPeopleWhoWorkForAnAgency() {
        as("petar.ministry").when().get(ME).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:forbidden"));
        as("test.noagency").when().get(ME).then().statusCode(403)
                .body("type", equalTo("urn:uputnica:problem:no-agency"));
        given().when().get(ME).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anAgencyAdminManagesHerAgencysMailboxes() {
        String address = "Desk." + UUID.randomUUID().toString().substring(0, 8) + "@udruzenje-rod.uputnica.test";
        String id = as("nina.admin").contentType("application/json")
                .body(Map.of("email", address, "role", "supervisor", "kinds", List.of("REFERRAL_OVERDUE")))
                .when().post(RECIPIENTS).then().statusCode(201)
                .header("Location", containsString(RECIPIENTS + "/"))
                .body("language", equalTo("sr-Latn")).body("role", equalTo("supervisor"))
                .body("kinds", equalTo(List.of("REFERRAL_OVERDUE")))
                .extract().path("id");
        assertTrue(as("nina.admin").when().get(RECIPIENTS).then().statusCode(200).extract().jsonPath()
                .getList("id").contains(id));

        as("nina.admin").contentType("application/json").body(Map.of("email", address.toLowerCase(), "role", "supervisor"))
                .when().post(RECIPIENTS).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:recipient-exists"));
        as("nina.admin").contentType("application/json").body(Map.of("email", address))
                .when().post(RECIPIENTS).then().statusCode(201);

        as("nina.admin").contentType("application/json")
                .body(Map.of("email", "x@udruzenje-rod.uputnica.test", "role", "caseworker", "language", "hr",
                        "kinds", List.of("REFERRAL_RECEIVED", "REFERRAL_LOST")))
                .when().post(RECIPIENTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("kinds[1]", "language", "role")));
        as("nina.admin").contentType("application/json").body(Map.of("language", "en"))
                .when().post(RECIPIENTS).then().statusCode(400).body("errors.field", equalTo(List.of("email")));

        as("marko.rod").when().get(RECIPIENTS).then().statusCode(403);
        as("marko.rod").when().delete(RECIPIENTS + "/" + id).then().statusCode(403);
        as("nina.admin").when().delete(RECIPIENTS + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:uputnica:problem:not-found"));
        as("nina.admin").when().delete(RECIPIENTS + "/" + id).then().statusCode(204);
        assertFalse(as("nina.admin").when().get(RECIPIENTS).then().extract().jsonPath().getList("id").contains(id));
    }
}
