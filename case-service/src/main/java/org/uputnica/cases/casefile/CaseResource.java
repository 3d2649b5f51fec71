package org.uputnica.cases.casefile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;

import java.util.UUID;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
public class CaseResource {

    @Inject
    CaseRegistry cases;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Open a case", description = "The case belongs to the caller's agency.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "unaccompanied minor", value = """
            {"person": {"givenName": "Amir", "familyName": "H.", "dateOfBirth": "2011-03-14", "sex": "MALE"},
             "category": "UNACCOMPANIED_MINOR"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the case")
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the field)")
    public Response open(@NotNull @Valid NewCase body, @jakarta.ws.rs.core.Context UriInfo uri) {
        CaseView created = cases.open(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Read a case of your agency", description = "Every read is recorded in the access audit.")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case in your agency")
    public CaseView read(@PathParam("id") UUID id) {
        return cases.read(caller.get(), id);
    }

    @GET
    @Path("/{id}/ownership")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.INTEGRATOR})
    @Operation(summary = "Which agency owns a case",
            description = "Ids only, no personal data; the referral-service asks this before a referral is sent.")
    @APIResponse(responseCode = "200", description = "The owner agency")
    @APIResponse(responseCode = "404", description = "No such case")
    public CaseOwnership ownership(@PathParam("id") UUID id) {
        caller.get(); // requires a token that names an agency
        return cases.ownership(id);
    }
}
