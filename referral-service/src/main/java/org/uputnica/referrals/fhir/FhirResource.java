package org.uputnica.referrals.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.uputnica.platform.idempotency.IdempotentRequest;
import org.uputnica.platform.idempotency.Idempotency;
import org.uputnica.identity.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.http.QueryParams;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemMappers;
import org.uputnica.referrals.audit.ReferralAccess;
import org.uputnica.referrals.referral.ReferralView;

import java.util.List;
import java.util.UUID;

/**
 * The FHIR R4 facade of the closed-loop referral (docs/fhir.md, ADR 0009): a referral is a Task asking the receiving
 * agency to fulfil a ServiceRequest, as in HL7's Gravity SDOH Clinical Care guide. It calls the same commands and
 * queries as the REST API, with the same caller and the same rules; only the shapes differ. Every error, whatever
 * raised it, is an OperationOutcome with the status the REST API would answer (and 422 for FHIR input the facade
 * cannot map).
 */
@Path("/fhir")
@Produces({FhirResource.FHIR_JSON, MediaType.APPLICATION_JSON}) // FHIR JSON either way: clients ask for both
@Consumes(MediaType.WILDCARD)
@Tag(name = "FHIR R4", description = "Closed-loop referrals as FHIR R4 Task and ServiceRequest (docs/fhir.md)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR})
public class FhirResource {
    public static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper MEMBERS = new ObjectMapper();

    private final FhirJson json;
    private final FhirReferrals referrals;
    private final CurrentCaller caller;
    private final ReferralAccess access;
    private final Idempotency idempotency;

    FhirResource(FhirJson json, FhirReferrals referrals, CurrentCaller caller, ReferralAccess access,
                 Idempotency idempotency) {
        this.json = json;
        this.referrals = referrals;
        this.caller = caller;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "The CapabilityStatement of the FHIR facade (public)")
    @APIResponse(responseCode = "200", description = "CapabilityStatement", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 CapabilityStatement")))
    @APIResponse(responseCode = "406", description = "An Accept the facade cannot answer")
    public Response metadata(@Context UriInfo uri) {
        return fhir(Response.ok(), Capability.statement(base(uri)));
    }

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "A transaction Bundle that creates a referral",
            description = "One ServiceRequest (code: the service, priority, reasonCode.text: the reason, "
                    + "supportingInfo: the consent record, orderDetail: the kinds of data shared), one Task "
                    + "(intent order, focus: the ServiceRequest, owner: the receiving agency's Organization) and at "
                    + "most one minimal Patient whose identifier names the case. Sent at once, under the same rules as "
                    + "POST /api/v1/referrals. The answer is a transaction-response Bundle.")
    @RequestBody(required = true, content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type transaction")))
    @APIResponse(responseCode = "200", description = "transaction-response Bundle: the Task and the ServiceRequest "
            + "created (also a retry with the same Idempotency-Key and Bundle: the first answer again)", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle")))
    @APIResponse(responseCode = "400", description = "Not a FHIR R4 JSON Bundle, or an unknown agency",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "403", description = "Your agency does not own the case",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "409", description = "The consent does not allow this sending",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "422", description = "A Bundle the facade cannot map to a referral, or an "
            + "Idempotency-Key used before with another Bundle (idempotency-key-reused)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    public Response transaction(String body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        Caller me = caller.get(); // first the token's agency (403), then the body (400)
        Bundle transaction = json.parse(body, Bundle.class);
        // the key's request is the Bundle as JSON members, so that another spacing or member order is the same request
        IdempotentRequest key = idempotency.request(idempotencyKey, me.agency(), me.userId(), "POST", uri.getPath(),
                members(body));
        Response answer = referrals.create(me, transaction, key, bundle -> fhir(Response.ok(), bundle));
        return Response.fromResponse(answer).type(FHIR_JSON).build();
    }

    private static Object members(String body) {
        try {
            return MEMBERS.readValue(body, Object.class);
        } catch (java.io.IOException parsedByHapiAlready) {
            return body;
        }
    }

    @GET
    @Path("/Task/{id}")
    @Operation(summary = "A referral as a Task, for its parties only")
    @APIResponse(responseCode = "200", description = "The Task; the ETag is its version",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "FHIR R4 Task")))
    @APIResponse(responseCode = "403", description = "Your agency is not a party of this referral",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "404", description = "No such Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    public Response readTask(@PathParam("id") String id) {
        ReferralView view = referrals.view(caller.get(), uuid(id));
        access.record(caller.get(), ReferralAccess.Action.READ, List.of(view.id()));
        return versioned(view, ReferralResources.task(view));
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @Operation(summary = "What a referral asks for, as a ServiceRequest (the focus of its Task)")
    @APIResponse(responseCode = "200", description = "The ServiceRequest", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 ServiceRequest")))
    @APIResponse(responseCode = "403", description = "Your agency is not a party of this referral",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "404", description = "No such ServiceRequest",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    public Response readServiceRequest(@PathParam("id") String id) {
        ReferralView view = referrals.view(caller.get(), uuid(id));
        access.record(caller.get(), ReferralAccess.Action.READ, List.of(view.id()));
        return versioned(view, ReferralResources.serviceRequest(view));
    }

    @PUT
    @Path("/Task/{id}")
    @Operation(summary = "Act on a referral by changing its Task's status",
            description = "The owner: accepted, rejected (statusReason with a coding of "
                    + "urn:uputnica:fhir:decline-reason), in-progress, on-hold and completed (an output of type "
                    + "urn:uputnica:fhir:task-output#outcome); requested with businessStatus ACKNOWLEDGED; another "
                    + "owner forwards. The requester: cancelled. If-Match (or meta.versionId) names the version the "
                    + "change was made against.")
    @RequestBody(required = true, content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Task")))
    @APIResponse(responseCode = "200", description = "The Task after the change", content = @Content(
            mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Task")))
    @APIResponse(responseCode = "400", description = "Not a FHIR R4 JSON Task, or an id other than the path's",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "403", description = "Not a party that may make this change",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "404", description = "No such Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "409", description = "The referral's status does not allow this change",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "412", description = "The Task changed since the version named",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "422", description = "A status the facade does not map, or a missing reason or "
            + "outcome", content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    public Response updateTask(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               String body) {
        Caller me = caller.get(); // first the token's agency (403), then the body (400), then the id (404)
        Task wanted = json.parse(body, Task.class);
        ReferralView view = referrals.act(me, uuid(id), wanted, ifMatch);
        return versioned(view, ReferralResources.task(view));
    }

    @GET
    @Path("/Task")
    @Operation(summary = "Search the referrals your agency is a party of, as Tasks, the latest change first")
    @APIResponse(responseCode = "200", description = "A searchset Bundle", content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "FHIR R4 Bundle of type searchset")))
    @APIResponse(responseCode = "400", description = "A bad search parameter, named",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(implementation = OutcomeSchema.class)))
    public Response searchTasks(
            @Parameter(description = "the receiving agency: Organization/{alias} or the alias") @QueryParam("owner")
            String owner,
            @Parameter(description = "the sending agency: Organization/{alias} or the alias") @QueryParam("requester")
            String requester,
            @Parameter(description = "Task statuses, comma-separated") @QueryParam("status") String status,
            @Parameter(description = "when it last changed: a date or dateTime after eq, ge, gt, le or lt; may "
                    + "repeat for a range") @QueryParam("_lastUpdated") List<String> lastUpdated,
            @Parameter(description = "Tasks per page, 1 to 100 (default 20)") @QueryParam("_count") String count,
            @Parameter(description = "how many to skip (the next link sets it)") @QueryParam("_offset") String offset,
            @Context UriInfo uri) {
        TaskSearch.Criteria criteria = TaskSearch.Criteria.parse(owner, requester, status, lastUpdated);
        int size = QueryParams.intValue("_count", count, 20, 1, 100);
        int skip = QueryParams.intValue("_offset", offset, 0, 0, 1_000_000);
        Bundle bundle = referrals.search(caller.get(), criteria, skip, size, base(uri), uri.getRequestUri());
        return fhir(Response.ok(), bundle);
    }

    private Response versioned(ReferralView view, IBaseResource resource) {
        return fhir(Response.ok().header(HttpHeaders.ETAG, "W/\"" + view.version() + "\"")
                .lastModified(ReferralResources.date(view.updatedAt())), resource);
    }

    private Response fhir(Response.ResponseBuilder builder, IBaseResource resource) {
        return builder.type(FHIR_JSON).entity(json.write(resource)).build();
    }

    /** A Task's id is the referral's UUID; any other id names no Task. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no Task " + id);
        }
    }

    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "fhir";
    }

    /**
     * Every exception raised for a /fhir request: the platform's mappers say which problem it is (status, type,
     * headers such as WWW-Authenticate and Retry-After), and the body becomes an OperationOutcome. Declared in this
     * class, so it applies to this resource only and before the platform's problem+json mappers.
     */
    @ServerExceptionMapper
    public Response outcome(Throwable e, UriInfo uri) {
        Response problem = PROBLEMS.map(e, uri);
        Response.ResponseBuilder builder = Response.status(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.type(FHIR_JSON).entity(json.write(Outcomes.of((Problem) problem.getEntity()))).build();
    }

    private static final Problems PROBLEMS = new Problems();

    /** The platform's mapping of an exception to a problem, picked by the exception's type. */
    static final class Problems extends ProblemMappers {
        Response map(Throwable e, UriInfo uri) {
            if (e instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (e instanceof jakarta.validation.ConstraintViolationException v) {
                return constraintViolation(v, uri);
            }
            if (e instanceof io.quarkus.security.UnauthorizedException
                    || e instanceof io.quarkus.security.AuthenticationFailedException
                    || e instanceof io.quarkus.security.AuthenticationCompletionException) {
                return unauthenticated((RuntimeException) e, uri);
            }
            if (e instanceof io.quarkus.security.ForbiddenException f) {
                return forbidden(f, uri);
            }
            if (e instanceof jakarta.persistence.OptimisticLockException o) {
                return concurrentModification(o, uri);
            }
            if (e instanceof jakarta.ws.rs.WebApplicationException w) {
                return webApplication(w, uri);
            }
            return internal(e, uri);
        }
    }
}
