package org.uputnica.referrals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR facade (package fhir) as an integrator's system uses it: HAPI's generic client against the running
 * service, with real tokens, every answer checked by HAPI's validator against the R4 base profiles. The referral
 * rules themselves are LifecycleMatrixTest's; here, that the facade reaches them and maps them both ways.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class FhirFacadeTest extends WithKafka {
    static final String FHIR_JSON = "application/fhir+json";
    static final FhirContext FHIR = FhirContext.forR4();
    static FhirValidator validator;

    @TestHTTPResource("fhir")
    URL base;

    @BeforeAll
    static void validator() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    IGenericClient client(String user) {
        IGenericClient client = FHIR.newRestfulGenericClient(base.toString());
        if (user != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.of(user)));
        }
        return client;
    }

    /** A referral of a new case of csr-kikinda to {@code toAgency}, sent by ana.csr as a transaction Bundle. */
    Task send(String toAgency) {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        Bundle answer = client("ana.csr").transaction().withBundle(referralBundle(caseId, toAgency, b -> {
        })).execute();
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, answer.getType());
        assertEquals("201 Created", answer.getEntry().get(1).getResponse().getStatus());
        Task task = (Task) answer.getEntry().get(1).getResource();
        valid(task);
        valid(answer.getEntry().get(0).getResource());
        return task;
    }

    static Bundle referralBundle(UUID caseId, String toAgency, Consumer<Bundle> change) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setPriority(ServiceRequest.ServiceRequestPriority.URGENT)
                .setCode(new CodeableConcept(new Coding("urn:uputnica:fhir:service-type", "PSYCHOSOCIAL_SUPPORT", null)))
                .setSubject(new Reference("urn:uuid:patient-1"))
                .addReasonCode(new CodeableConcept().setText("Dijete treba podršku nakon smještaja"))
                .addSupportingInfo(new Reference().setType("Consent").setIdentifier(new Identifier()
                        .setSystem("urn:uputnica:consent").setValue(TestReferrals.consentOf(caseId, toAgency).toString())))
                .addOrderDetail(new CodeableConcept(new Coding("urn:uputnica:fhir:shared-data", "IDENTITY", null)));
        bundle.addEntry().setFullUrl("urn:uuid:request-1").setResource(request).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setFocus(new Reference("urn:uuid:request-1")).setFor(new Reference("urn:uuid:patient-1"))
                .setRequester(new Reference("Organization/csr-kikinda"))
                .setOwner(new Reference().setIdentifier(new Identifier().setSystem("urn:uputnica:agency").setValue(toAgency)));
        bundle.addEntry().setFullUrl("urn:uuid:task-1").setResource(task).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
        Patient patient = new Patient().addIdentifier(new Identifier().setSystem("urn:uputnica:case")
                .setValue(caseId.toString()));
        bundle.addEntry().setFullUrl("urn:uuid:patient-1").setResource(patient).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        change.accept(bundle);
        return bundle;
    }

    static void valid(IBaseResource resource) {
        List<SingleValidationMessage> errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertTrue(errors.isEmpty(), () -> resource.fhirType() + " is not valid R4: " + errors.stream()
                .map(m -> m.getLocationString() + " " + m.getMessage()).collect(Collectors.joining("; ")));
    }

    Task read(String user, String id) {
        return client(user).read().resource(Task.class).withId(id).execute();
    }

    Task update(String user, Task task) {
        return (Task) client(user).update().resource(task).execute().getResource();
    }

    static String code(CodeableConcept concept) {
        return concept.getCodingFirstRep().getCode();
    }

    /** The problem type an OperationOutcome names, from an error the client threw. */
    static String problem(BaseServerResponseException e) {
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertNotNull(outcome, "an OperationOutcome with " + e.getStatusCode());
        valid(outcome);
        return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }

    @Test
    void theCapabilityStatementIsPublicAndValid() {
        CapabilityStatement cs = client(null).capabilities().ofType(CapabilityStatement.class).execute();
        assertEquals("4.0.1", cs.getFhirVersion().toCode());
        assertEquals(Set.of("Task", "ServiceRequest"), cs.getRestFirstRep().getResource().stream()
                .map(CapabilityStatement.CapabilityStatementRestResourceComponent::getType).collect(Collectors.toSet()));
        valid(cs);
    }

    @Test
    void aTransactionBundleSendsAReferralAndTheOwnerWalksItsTaskToCompletion() {
        Task created = send("udruzenje-rod");
        String id = created.getIdElement().getIdPart();
        assertEquals(Task.TaskStatus.REQUESTED, created.getStatus());
        assertEquals("SENT", code(created.getBusinessStatus()));
        assertEquals("Organization/udruzenje-rod", created.getOwner().getReference());
        assertEquals("Organization/csr-kikinda", created.getRequester().getReference());
        assertEquals("ServiceRequest/" + id, created.getFocus().getReference());

        Task seen = read("marko.rod", id);
        valid(seen);
        ServiceRequest request = client("marko.rod").read().resource(ServiceRequest.class).withId(id).execute();
        valid(request);
        assertEquals("PSYCHOSOCIAL_SUPPORT", code(request.getCode()));
        assertEquals(ServiceRequest.ServiceRequestPriority.URGENT, request.getPriority());
        assertEquals("Dijete treba podršku nakon smještaja", request.getReasonCodeFirstRep().getText());

        seen.setBusinessStatus(new CodeableConcept(new Coding("urn:uputnica:fhir:referral-status", "ACKNOWLEDGED", null)));
        Task acknowledged = update("marko.rod", seen);
        assertEquals(Task.TaskStatus.REQUESTED, acknowledged.getStatus());
        assertEquals("ACKNOWLEDGED", code(acknowledged.getBusinessStatus()));

        // the version the change is made against: the first one is stale by now
        Task stale = acknowledged.copy().setStatus(Task.TaskStatus.ACCEPTED);
        // HAPI writes meta.versionId from the id's version: name the first version there
        stale.setIdElement(new IdType("Task", id, created.getMeta().getVersionId()));
        assertEquals("stale-version", problem(assertThrows(PreconditionFailedException.class,
                () -> update("marko.rod", stale))));

        // the requester may not accept its own referral
        Task byTheSender = read("ana.csr", id).setStatus(Task.TaskStatus.ACCEPTED);
        assertEquals("wrong-party", problem(assertThrows(ForbiddenOperationException.class,
                () -> update("ana.csr", byTheSender))));

        Task accepted = update("marko.rod", read("marko.rod", id).setStatus(Task.TaskStatus.ACCEPTED));
        assertEquals(Task.TaskStatus.ACCEPTED, accepted.getStatus());
        Task started = update("marko.rod", accepted.setStatus(Task.TaskStatus.INPROGRESS));
        assertEquals(Task.TaskStatus.INPROGRESS, started.getStatus());
        assertEquals("IN_PROGRESS", code(started.getBusinessStatus()));

        Task holdWithoutReason = started.copy().setStatus(Task.TaskStatus.ONHOLD);
        assertEquals("fhir-unprocessable", problem(assertThrows(UnprocessableEntityException.class,
                () -> update("marko.rod", holdWithoutReason))));
        Task onHold = update("marko.rod", started.setStatus(Task.TaskStatus.ONHOLD)
                .setStatusReason(new CodeableConcept().setText("Family away until Monday")));
        assertEquals(Task.TaskStatus.ONHOLD, onHold.getStatus());
        assertEquals("Family away until Monday", onHold.getStatusReason().getText());

        Task completedWithoutOutcome = onHold.copy().setStatus(Task.TaskStatus.COMPLETED);
        assertEquals("fhir-unprocessable", problem(assertThrows(UnprocessableEntityException.class,
                () -> update("marko.rod", completedWithoutOutcome))));
        onHold.setStatus(Task.TaskStatus.COMPLETED).setStatusReason(null).addOutput()
                .setType(new CodeableConcept(new Coding("urn:uputnica:fhir:task-output", "outcome", null)))
                .setValue(new CodeableConcept(new Coding("urn:uputnica:fhir:referral-outcome", "PROVIDED", null))
                        .setText("Six counselling sessions"));
        Task completed = update("marko.rod", onHold);
        valid(completed);
        assertEquals(Task.TaskStatus.COMPLETED, completed.getStatus());
        CodeableConcept outcome = (CodeableConcept) completed.getOutputFirstRep().getValue();
        assertEquals("PROVIDED", code(outcome));
        assertEquals("Six counselling sessions", outcome.getText());

        // what the sender sees, and that nothing leads out of completed
        assertEquals(Task.TaskStatus.COMPLETED, read("ana.csr", id).getStatus());
        Task reopened = read("marko.rod", id).setStatus(Task.TaskStatus.INPROGRESS);
        BaseServerResponseException conflict = assertThrows(BaseServerResponseException.class,
                () -> update("marko.rod", reopened));
        assertEquals(409, conflict.getStatusCode());
        assertEquals("illegal-transition", problem(conflict));
    }

    @Test
    void theOwnerDeclinesWithACodedStatusReasonAndTheRequesterCancelsAnother() {
        Task task = send("udruzenje-rod");
        String id = task.getIdElement().getIdPart();
        Task unknownCode = read("marko.rod", id).setStatus(Task.TaskStatus.REJECTED).setStatusReason(
                new CodeableConcept(new Coding("urn:uputnica:fhir:decline-reason", "TOO_FAR", null)));
        assertEquals("fhir-unprocessable", problem(assertThrows(UnprocessableEntityException.class,
                () -> update("marko.rod", unknownCode))));
        Task uncoded = read("marko.rod", id).setStatus(Task.TaskStatus.REJECTED)
                .setStatusReason(new CodeableConcept().setText("no reason code"));
        assertThrows(UnprocessableEntityException.class, () -> update("marko.rod", uncoded));

        Task declined = update("marko.rod", read("marko.rod", id).setStatus(Task.TaskStatus.REJECTED).setStatusReason(
                new CodeableConcept(new Coding("urn:uputnica:fhir:decline-reason", "NO_CAPACITY", null))
                        .setText("All places taken until next month")));
        valid(declined);
        assertEquals(Task.TaskStatus.REJECTED, declined.getStatus());
        assertEquals("NO_CAPACITY", code(declined.getStatusReason()));
        assertEquals("All places taken until next month", read("ana.csr", id).getStatusReason().getText());
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("declineCode", equalTo("NO_CAPACITY"));

        Task other = send("iom-serbia");
        Task cancelled = update("ana.csr", read("ana.csr", other.getIdElement().getIdPart())
                .setStatus(Task.TaskStatus.CANCELLED).setStatusReason(new CodeableConcept().setText("Family moved")));
        assertEquals(Task.TaskStatus.CANCELLED, cancelled.getStatus());
        assertEquals("WITHDRAWN", code(cancelled.getBusinessStatus()));
    }

    @Test
    void anotherAgencySeesNoTaskAndAnUnknownOneIsNotFound() {
        String id = send("udruzenje-rod").getIdElement().getIdPart();
        assertEquals("not-a-party", problem(assertThrows(ForbiddenOperationException.class,
                () -> read("ivana.iom", id))));
        Task byAStranger = read("marko.rod", id).setStatus(Task.TaskStatus.ACCEPTED);
        assertThrows(ForbiddenOperationException.class, () -> update("ivana.iom", byAStranger));
        assertEquals("not-found", problem(assertThrows(ResourceNotFoundException.class,
                () -> read("marko.rod", UUID.randomUUID().toString()))));
        assertThrows(ResourceNotFoundException.class, () -> read("marko.rod", "not-a-uuid"));
        // a case of another agency cannot be referred by ana's agency
        UUID foreignCase = TestReferrals.caseOwnedBy(kafka, em, "iom-serbia");
        Bundle bundle = referralBundle(foreignCase, "udruzenje-rod", b -> {
        });
        assertEquals("case-not-owned", problem(assertThrows(ForbiddenOperationException.class,
                () -> client("ana.csr").transaction().withBundle(bundle).execute())));
        Bundle found = client("ivana.iom").search().byUrl("Task?requester=Organization/csr-kikinda")
                .returnBundle(Bundle.class).execute();
        assertTrue(found.getEntry().stream().noneMatch(e -> e.getResource().getIdElement().getIdPart().equals(id)));
    }

    @Test
    void tasksAreSearchedByOwnerRequesterStatusAndLastUpdated() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String toRod = send("udruzenje-rod").getIdElement().getIdPart();
        String toIom = send("iom-serbia").getIdElement().getIdPart();
        // changed from just before until a minute on: DeadlinesTest moves the clock days ahead, and what it changed
        // then sorts first (the latest change first) and would fill a page
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        String recent = "&_lastUpdated=ge" + before + "&_lastUpdated=le" + after + "&_count=100";

        assertEquals(Set.of(toRod, toIom), ids("ana.csr", "Task?requester=Organization/csr-kikinda" + recent,
                Set.of(toRod, toIom)));
        Set<String> toIomOnly = ids("ana.csr", "Task?owner=Organization/iom-serbia" + recent, Set.of(toRod, toIom));
        assertEquals(Set.of(toIom), toIomOnly);
        assertEquals(Set.of(toRod, toIom), ids("ana.csr", "Task?status=requested" + recent, Set.of(toRod, toIom)));
        assertEquals(Set.of(), ids("ana.csr", "Task?status=completed,rejected" + recent, Set.of(toRod, toIom)));
        assertEquals(Set.of(), ids("ana.csr", "Task?_lastUpdated=lt" + before, Set.of(toRod, toIom)));
        // the receiver sees what was sent to it, not what went elsewhere
        assertEquals(Set.of(toRod), ids("marko.rod", "Task?" + recent.substring(1), Set.of(toRod, toIom)));

        Bundle page = client("ana.csr").search().byUrl("Task?requester=csr-kikinda&_count=1")
                .returnBundle(Bundle.class).execute();
        valid(page);
        assertEquals(1, page.getEntry().size());
        assertTrue(page.getTotal() >= 2);
        Bundle next = client("ana.csr").loadPage().next(page).execute();
        assertEquals(1, next.getEntry().size());
        assertFalse(next.getEntryFirstRep().getResource().getIdElement().getIdPart()
                .equals(page.getEntryFirstRep().getResource().getIdElement().getIdPart()));
    }

    /** Which of {@code among} the search finds (other tests' referrals may be found too). */
    Set<String> ids(String user, String search, Set<String> among) {
        Bundle bundle = client(user).search().byUrl(search).returnBundle(Bundle.class).execute();
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart())
                .filter(among::contains).collect(Collectors.toSet());
    }

    @Test
    void badInputIsAnOperationOutcomeWithA4xxNeverA500() {
        String id = send("udruzenje-rod").getIdElement().getIdPart();
        String marko = Tokens.of("marko.rod");
        String ana = Tokens.of("ana.csr");
        // malformed JSON, a wrong resourceType, an unknown element, an unknown status code
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).body("{\"resourceType\": \"Bundle\", ")
                .post("/fhir"), 400, "fhir-malformed");
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).body("{\"resourceType\": \"Patient\"}")
                .post("/fhir"), 400, "fhir-malformed");
        // two JSON values and trailing junk: the JSON reader's complaint, without its class names
        io.restassured.response.Response twoValues = given().auth().oauth2(ana).contentType(FHIR_JSON)
                .body("{\"a\":1}{\"b\":2}x").post("/fhir");
        outcome(twoValues, 400, "fhir-malformed");
        assertFalse(twoValues.asString().contains("com.fasterxml"), twoValues.asString());
        // a malformed Task for an id that names no Task: the body is read first
        outcome(given().auth().oauth2(marko).contentType(FHIR_JSON).body("[{}]").put("/fhir/Task/zz-none"), 400,
                "fhir-malformed");
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).body("{\"resourceType\": \"Bundle\", \"type\": "
                + "\"transaction\", \"colour\": \"red\"}").post("/fhir"), 400, "fhir-malformed");
        outcome(given().auth().oauth2(marko).contentType(FHIR_JSON).body("{\"resourceType\": \"Task\", \"status\": "
                + "\"bogus\", \"intent\": \"order\"}").put("/fhir/Task/" + id), 400, "fhir-malformed");
        // well-formed, but not what the facade maps
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).body("{\"resourceType\": \"Bundle\", \"type\": "
                + "\"batch\"}").post("/fhir"), 422, "fhir-unprocessable");
        outcome(given().auth().oauth2(marko).contentType(FHIR_JSON).body("{\"resourceType\": \"Task\", \"status\": "
                + "\"failed\", \"intent\": \"order\"}").put("/fhir/Task/" + id), 422, "fhir-unprocessable");
        outcome(given().auth().oauth2(marko).contentType(FHIR_JSON).body("{\"resourceType\": \"Task\", \"id\": \""
                + UUID.randomUUID() + "\", \"status\": \"accepted\", \"intent\": \"order\"}")
                .put("/fhir/Task/" + id), 400, "fhir-malformed");
        outcome(given().auth().oauth2(marko).contentType(FHIR_JSON).header("If-Match", "W/\"999\"").body(
                "{\"resourceType\": \"Task\", \"status\": \"accepted\", \"intent\": \"order\"}")
                .put("/fhir/Task/" + id), 412, "stale-version");
        // an unknown receiving agency, no token, a bad search parameter
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String unknownAgency = FHIR.newJsonParser().encodeResourceToString(referralBundle(caseId, "nobody", b -> {
        }));
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).body(unknownAgency).post("/fhir"), 400,
                "validation");
        outcome(given().contentType(FHIR_JSON).get("/fhir/Task/" + id), 401, "unauthenticated");
        outcome(given().auth().oauth2(ana).get("/fhir/Task?_lastUpdated=yesterday"), 400, "validation");
        outcome(given().auth().oauth2(ana).get("/fhir/Task?status=bogus"), 400, "validation");
        outcome(given().auth().oauth2(Tokens.of("petar.ministry")).get("/fhir/Task/" + id), 403, "forbidden");
        // a resource type the facade does not serve
        given().auth().oauth2(ana).get("/fhir/Patient/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsTheSameReferral() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String bundle = FHIR.newJsonParser().encodeResourceToString(referralBundle(caseId, "udruzenje-rod", b -> {
        }));
        String key = UUID.randomUUID().toString();
        String ana = Tokens.of("ana.csr");
        String first = given().auth().oauth2(ana).contentType(FHIR_JSON).header("Idempotency-Key", key).body(bundle)
                .post("/fhir").then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .extract().path("entry[1].resource.id");
        // the same Bundle, spaced otherwise: the same request, the first answer again
        String spaced = FHIR.newJsonParser().setPrettyPrint(true)
                .encodeResourceToString(FHIR.newJsonParser().parseResource(bundle));
        String again = given().auth().oauth2(ana).contentType(FHIR_JSON).header("Idempotency-Key", key).body(spaced)
                .post("/fhir").then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .header("Idempotent-Replayed", "true").extract().path("entry[1].resource.id");
        assertEquals(first, again);
        // another Bundle under the same key
        outcome(given().auth().oauth2(ana).contentType(FHIR_JSON).header("Idempotency-Key", key)
                .body(bundle.replace("nakon smještaja", "u školi")).post("/fhir"), 422, "idempotency-key-reused");
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from referral where case_id = :id")
                .setParameter("id", caseId).getSingleResult()).longValue(), "one referral, whatever the retries");
    }

    static void outcome(io.restassured.response.Response response, int status, String problem) {
        response.then().statusCode(status).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].details.coding[0].code", equalTo(problem));
        valid(FHIR.newJsonParser().parseResource(response.asString()));
    }
}
