package org.uputnica.cases.casefile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.cases.person.PersonInput;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.http.IfMatch;
import org.uputnica.platform.idempotency.Idempotency;
import org.uputnica.platform.http.QueryParams;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
public class CaseResource {
    static final String PERSON_EXAMPLE = """
            {"givenName": "Amir", "familyName": "Hasani", "otherNames": ["Ameer Hassani", "Амир Хасани"],
             "estimatedAge": 14, "sex": "MALE", "nationality": "AF", "languages": ["ps", "fa"],
             "interpreterNeeded": true, "legalStatus": "ASYLUM_SEEKER",
             "identifiers": [{"type": "REGISTRATION_NUMBER", "value": "KI-2026-0042", "issuer": "kirs"}],
             "contacts": [{"kind": "ACCOMMODATION", "value": "Asylum centre Kikinda"}],
             "family": [{"relation": "FATHER", "name": "Rahim Hasani", "whereabouts": "Germany"}],
             "guardian": {"name": "Jovana Petrović", "agency": "csr-kikinda", "appointedOn": "2026-11-20",
                          "decisionReference": "551-12/2026"}}""";

    @Inject
    CaseRegistry cases;

    @Inject
    CurrentCaller caller;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Open a case", description = """
            The case belongs to the caller's agency and starts in step INTAKE; the responsible caseworker is the caller
            unless named. A JMBG is checked (date and check digit) and must match the date of birth; give either a
            date of birth or an estimated age.""")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "unaccompanied minor", value = """
                    {"person": {"givenName": "Amir", "familyName": "Hasani", "otherNames": ["Ameer Hassani"], "estimatedAge": 14, "sex": "MALE", "nationality": "AF", "languages": ["ps", "fa"], "interpreterNeeded": true, "legalStatus": "ASYLUM_SEEKER"},
                     "categories": ["UNACCOMPANIED_MINOR", "ASYLUM_SEEKER"],
                     "risk": {"level": "HIGH", "reason": "Travelling alone, no guardian yet"}}""" ,
                    description = "estimated age, transliterated spellings, a guardian"),
            @ExampleObject(name = "child found begging", value = """
                    {"person": {"givenName": "Дејан", "familyName": "Јовановић", "dateOfBirth": "2016-05-01",
                                "sex": "MALE", "identifiers": [{"type": "JMBG", "value": "0105016800011"}]},
                     "category": "CHILD_FOUND_BEGGING"}""")}))
    @APIResponse(responseCode = "201", description = "Created; Location names the case (also a retry with the "
            + "same Idempotency-Key and body: the first answer again)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the field)")
    public Response open(@NotNull @Valid NewCase body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Context UriInfo uri) {
        Caller me = caller.get();
        return idempotency.once(idempotency.request(idempotencyKey, me.agency(), me.userId(), "POST", uri.getPath(), body),
                () -> {
                    CaseView created = cases.open(me, body);
                    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                            .tag(IfMatch.etag(created.version())).entity(created).build();
                });
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "List your agency's cases", description = "Newest first; every listed case is recorded in the access audit.")
    public List<CaseSummary> list(@QueryParam("step") String step, @QueryParam("category") String category,
                                  @QueryParam("riskLevel") String riskLevel, @QueryParam("responsible") String responsible,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        return cases.list(caller.get(), QueryParams.enumValue("step", step, CaseStep.class, null),
                QueryParams.enumValue("category", category, CaseCategory.class, null),
                QueryParams.enumValue("riskLevel", riskLevel, RiskLevel.class, null), responsible,
                QueryParams.intValue("page", page, 0, 0, 100_000), QueryParams.intValue("size", size, 50, 1, 200));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR})
    @Operation(summary = "Read a case", description = """
            The owner agency sees everything. An agency that accepted a referral of the case sees the reference and
            the kinds of data the referral shared (`access` COLLABORATOR, `sharedData`) while it works on it; a
            working-group coordinator sees the reference, the step and the referral trail (`access` COORDINATOR).
            Anyone else gets 404. Every read is recorded in the access audit with its basis.""")
    @APIResponse(responseCode = "200", description = "The case, as far as you may see it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public Response read(@PathParam("id") UUID id) {
        CaseView view = cases.read(caller.get(), id);
        Response.ResponseBuilder ok = Response.ok(view);
        return view.version() == null ? ok.build() : ok.tag(IfMatch.etag(view.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Change categories, the responsible caseworker or supervisor, or the risk assessment",
            description = "Fields left out stay as they are. With If-Match, a stale version gives 412.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "risk raised", value = """
            {"risk": {"level": "CRITICAL", "reason": "Seen with an adult suspected of trafficking"},
             "categories": ["UNACCOMPANIED_MINOR", "VICTIM_OF_TRAFFICKING"]}""")))
    @APIResponse(responseCode = "200", description = "The changed case",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "Your agency does not own the case")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CasePatch body) {
        CaseView view = cases.change(caller.get(), id, IfMatch.version(ifMatch), body);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/person")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Replace the person's details", description = "The whole person: lists left out become empty.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "person", value = PERSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The case with the changed person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the field)")
    public Response changePerson(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid PersonInput body) {
        CaseView view = cases.changePerson(caller.get(), id, IfMatch.version(ifMatch), body);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/steps")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Move the case to another step of case management", description = """
            INTAKE → ASSESSMENT → PLANNING → IMPLEMENTATION → REVIEW (→ IMPLEMENTATION or PLANNING again); any
            open case may be CLOSED with a closureReason; only a supervisor reopens a closed case (→ ASSESSMENT).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "close", value = """
            {"step": "CLOSED", "closureReason": "GOALS_ACHIEVED", "note": "Placed with his uncle in Germany"}""")))
    @APIResponse(responseCode = "200", description = "The case in its new step",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not a step the case can move to from where it is (illegal-step)")
    public Response moveTo(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid StepChange body) {
        CaseView view = cases.moveTo(caller.get(), id, IfMatch.version(ifMatch), body);
        return Response.ok(view).tag(IfMatch.etag(view.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "The case's steps and ownership moves", description = "For the owner agency.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return cases.history(caller.get(), id);
    }

    @GET
    @Path("/{id}/ownership")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.CASE_LOOKUP})
    @Operation(summary = "Which agency owns a case", description = """
            Ids only. For the referral-service's service account (role case-lookup), which asks this before a
            referral is sent, and for the owner agency and the agencies of an open referral of the case; 404 for
            anyone else. Every answer is in the case's access log.""")
    @APIResponse(responseCode = "200", description = "The owner agency")
    @APIResponse(responseCode = "404", description = "No such case, or not one you may look up")
    public CaseOwnership ownership(@PathParam("id") UUID id) {
        return cases.ownership(id);
    }
}
