package org.uputnica.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.util.Arrays;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.uputnica.cases.Api.PROBLEM;
import static org.uputnica.cases.Api.as;
import static org.uputnica.cases.Api.openCase;

/** JSON bodies are at most 1 MB; documents, uploaded as raw bodies, up to their own limit (8 MiB). */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class BodyLimitsTest {

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedBeforeItIsRead() {
        String big = "{\"person\": {\"givenName\": \"" + "a".repeat(1_100_000) + "\"}, \"category\": \"UNACCOMPANIED_MINOR\"}";
        as("ana.csr").body(big).when().post("/api/v1/cases").then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:uputnica:problem:request-too-large"));
        // just under the limit it is read, and refused for what it says
        String under = "{\"person\": {\"givenName\": \"" + "a".repeat(900_000) + "\"}, \"category\": \"UNACCOMPANIED_MINOR\"}";
        as("ana.csr").body(under).when().post("/api/v1/cases").then().statusCode(lessThanOrEqualTo(400));
    }

    @Test
    void aDocumentOfTwoMegabytesIsStillUploaded() {
        String caseId = openCase("ana.csr", "Dora", "Velika");
        byte[] pdf = new byte[2 * 1024 * 1024];
        Arrays.fill(pdf, (byte) 'x');
        as("ana.csr").contentType("application/pdf").body(pdf)
                .when().post("/api/v1/cases/" + caseId + "/documents?name=scan.pdf").then().statusCode(201);
    }
}
