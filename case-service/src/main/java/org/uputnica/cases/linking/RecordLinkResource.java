package org.uputnica.cases.linking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Record linking")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class RecordLinkResource {

    @Inject
    RecordLinking linking;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Other agencies' records confirmed to be the same person", description = """
            Which agency holds each linked record, and when and by whom (login name and agency) the link was confirmed;
            the note only to the confirming agency. Nothing of the other record: ask that agency, e.g. with a referral.
            The read is recorded in the access audit.""")
    @APIResponse(responseCode = "200", description = "The case's links, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one link", value = """
                    [{"id": "c3d1f0a2-5e6b-4c7d-8e9f-a0b1c2d3e4f5", "otherAgency": "csr-bijeljina",
                      "linkedAt": "2026-11-23T10:20:00Z", "linkedBy": "ana.csr", "linkedByAgency": "csr-kikinda",
                      "note": "Same father's name and route via Šid; confirmed with the child through the interpreter"}]""")))
    @APIResponse(responseCode = "403", description = "Your agency sees the case but does not own it (not-case-owner)")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public List<RecordLinkView> links(@PathParam("caseId") UUID caseId) {
        return linking.links(caller.get(), caseId);
    }
}
