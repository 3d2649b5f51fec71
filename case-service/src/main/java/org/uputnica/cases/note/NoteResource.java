package org.uputnica.cases.note;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notes")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class NoteResource {

    @Inject
    Notes notes;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Add a note to a case of your agency",
            description = "A confidential note is read only by its author and the owner agency's supervisors.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "home visit", value = """
            {"text": "Home visit: the child sleeps at the grandmother's; school attendance irregular.",
             "confidential": false}""")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NoteView.class)))
    public Response add(@PathParam("caseId") UUID caseId, @NotNull @Valid NoteInput body) {
        return Response.status(Response.Status.CREATED).entity(notes.add(caller.get(), caseId, body)).build();
    }

    @GET
    @Operation(summary = "The notes you may read, oldest first")
    public List<NoteView> list(@PathParam("caseId") UUID caseId) {
        return notes.list(caller.get(), caseId);
    }
}
