package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/** Subject access, anonymisation after the retention period, and statistics that never name anyone. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class DataProtectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MutableClock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSupervisorExportsEverythingAboutThePersonAndTheExportIsAudited() {
        String caseId = openCase("ana.csr", "Tamara", "Lazić");
        as("ana.csr").body("{\"text\": \"First contact at school\"}").when().post("/api/v1/cases/" + caseId + "/notes")
                .then().statusCode(201);
        as("milica.supervisor").body("{\"text\": \"Police report pending\", \"confidential\": true}")
                .when().post("/api/v1/cases/" + caseId + "/notes").then().statusCode(201);
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then().statusCode(200)
                .body("caseFile.person.givenName", equalTo("Tamara"))
                .body("notes.text", hasItem("First contact at school"))
                .body("notes", hasSize(1))
                .body("confidentialNotesWithheld", equalTo(1))
                .body("history.to", hasItem("INTAKE"))
                .body("accessLog.action", hasItem("CREATE"));
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/subject-access-export?includeConfidential=true")
                .then().statusCode(200).body("notes", hasSize(2)).body("confidentialNotesWithheld", equalTo(0));
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then().statusCode(403)
                .contentType(PROBLEM);
        as("senad.csr").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then().statusCode(403);
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("action", hasItem("EXPORT"));
    }

    @Test
    void aClosedCaseIsAnonymisedOnlyAfterItsRetentionPeriodAndEveryHolderIsTold() {
        String caseId = openCase("ana.csr", "Olivera", "Janković");
        as("ana.csr").body("{\"text\": \"Lives with the aunt\"}").when().post("/api/v1/cases/" + caseId + "/notes")
                .then().statusCode(201);
        as("milica.supervisor").when().post("/api/v1/cases/" + caseId + "/anonymisation").then().statusCode(409)
                .body("type", equalTo("urn:uputnica:problem:retention-period-running"));
        as("ana.csr").body("{\"step\": \"CLOSED\", \"closureReason\": \"REACHED_ADULTHOOD\"}")
                .when().post("/api/v1/cases/" + caseId + "/steps").then().statusCode(200);
        as("milica.supervisor").when().post("/api/v1/cases/" + caseId + "/anonymisation").then().statusCode(409)
                .body("detail", containsString("retention period runs until"));
        as("ana.csr").when().post("/api/v1/cases/" + caseId + "/anonymisation").then().statusCode(403);

        clock.advance(Duration.ofDays(3653 + 2)); // ten years and a little
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.CASE_EVENTS.topicName());
            as("milica.supervisor").when().post("/api/v1/cases/" + caseId + "/anonymisation").then().statusCode(200)
                    .body("anonymisedAt", notNullValue())
                    .body("person.givenName", equalTo("—"))
                    .body("person.contacts", hasSize(0))
                    .body("person.birthYear", equalTo(2012));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .filter(r -> caseId.equals(r.key()))
                    .anyMatch(r -> EventJson.read(r.value()).type().equals(EventType.CASE_ANONYMISED.value())));
            events.stop();
        }
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/notes").then().statusCode(200)
                .body("text", everyItem(equalTo("[erased]")));
        as("ana.csr").body("{\"text\": \"more\"}").when().post("/api/v1/cases/" + caseId + "/notes").then().statusCode(409)
                .body("type", equalTo("urn:uputnica:problem:case-anonymised"));
        as("milica.supervisor").when().post("/api/v1/cases/" + caseId + "/anonymisation").then().statusCode(409);
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then().statusCode(200)
                .body(not(containsString("Olivera"))).body(not(containsString("Lives with the aunt")));
    }

    @Test
    void statisticsCountWithoutNamingAnyoneAndSuppressSmallCounts() {
        for (int i = 0; i < 5; i++) {
            openCase("ivana.iom", "Child" + i, "Statistic");
        }
        String body = as("petar.ministry").when().get("/api/v1/cases/statistics?agency=iom-serbia").then().statusCode(200)
                .body("agency", equalTo("iom-serbia"))
                .body("total.count", greaterThanOrEqualTo(5))
                .body("byCategory.key", hasItem("CHILD_FOUND_BEGGING"))
                .body("minCellSize", equalTo(5))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Child0") || body.contains("Statistic"), body);
        as("petar.ministry").when().get("/api/v1/cases/statistics").then().statusCode(200)
                .body("agency", nullValue()).body("byOwnerAgency.key", hasItem("iom-serbia"));
        // one case of a new kind is a count of one: suppressed
        as("ivana.iom").body("""
                        {"person": {"givenName": "Lone", "familyName": "Case", "sex": "OTHER"}, "category": "PERSON_WITH_DISABILITY"}""")
                .when().post("/api/v1/cases").then().statusCode(201);
        as("petar.ministry").when().get("/api/v1/cases/statistics?agency=iom-serbia").then().statusCode(200)
                .body("bySex.find { it.key == 'OTHER' }.suppressed", equalTo(true))
                .body("bySex.find { it.key == 'OTHER' }.count", nullValue());
        as("milica.supervisor").when().get("/api/v1/cases/statistics").then().statusCode(200)
                .body("agency", equalTo("csr-kikinda"));
        as("milica.supervisor").when().get("/api/v1/cases/statistics?agency=iom-serbia").then().statusCode(403);
        as("ana.csr").when().get("/api/v1/cases/statistics").then().statusCode(403);
    }

    @Test
    void anExportHoldsTheOldestTenThousandAccessRecordsAndSaysThatMoreArePaged() {
        String caseId = openCase("ana.csr", "Vesna", "Čitana");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into personal_data_access (at, user_id, username, agency, roles, case_id, action, purpose)
                        select now() + g * interval '1 second', 'u-bulk', 'bulk.reader', 'csr-kikinda',
                               'caseworker', :id, 'READ', 'case read'
                        from generate_series(1, 10000) g""")
                .setParameter("id", java.util.UUID.fromString(caseId)).executeUpdate());
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/subject-access-export").then().statusCode(200)
                .body("accessLog", hasSize(10_000))
                .body("accessLog[0].action", equalTo("CREATE"))
                .body("accessLogTotal", greaterThanOrEqualTo(10_001))
                .body("accessLogComplete", equalTo(false));
        // the access log itself answers at most 1000 records a page
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log?size=1001").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        as("milica.supervisor").when().get("/api/v1/cases/" + caseId + "/access-log?size=1000&page=3").then()
                .statusCode(200).body("", hasSize(1000));

        String small = openCase("ana.csr", "Mila", "Retka");
        as("milica.supervisor").when().get("/api/v1/cases/" + small + "/subject-access-export").then().statusCode(200)
                .body("accessLogTotal", equalTo(1))
                .body("accessLogComplete", equalTo(true));
    }
}
