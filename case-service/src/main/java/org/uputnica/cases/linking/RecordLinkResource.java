package org.uputnica.cases.linking;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

@Path("/api/v1/cases/{caseId}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Record linking")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class RecordLinkResource {

    @Inject
    RecordLinking linking;

    @Inject
    RecordUnlinking unlinking;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Other agencies' records confirmed to be the same person", description = """
            Which agency holds each linked record, and when and by whom (login name and agency) the link was confirmed;
            the note only to the confirming agency. Dissolved links are listed too, with `status: DISSOLVED` and who
            dissolved them, when and why (the dissolution's note only to the dissolving agency): only `ACTIVE` links
            say that the records are the same person. Nothing of the other record: ask that agency, e.g. with a
            referral. The read is recorded in the access audit.""")
    @APIResponse(responseCode = "200", description = "The case's links, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RecordLinkView.class),
                    examples = @ExampleObject(name = "one active, one dissolved", value = """
                    [{"id": "c3d1f0a2-5e6b-4c7d-8e9f-a0b1c2d3e4f5", "status": "ACTIVE", "otherAgency": "csr-bijeljina",
                      "linkedAt": "2026-11-23T10:20:00Z", "linkedBy": "ana.csr", "linkedByAgency": "csr-kikinda",
                      "note": "Same father's name and route via Šid; confirmed with the child through the interpreter"},
                     {"id": "5a7e9c1b-2d4f-4a6b-8c0d-e1f2a3b4c5d6", "status": "DISSOLVED", "otherAgency": "kirs",
                      "linkedAt": "2026-11-24T09:00:00Z", "linkedBy": "dragan.kirs", "linkedByAgency": "kirs",
                      "dissolution": {"at": "2026-11-25T14:05:00Z", "by": "milica.supervisor", "byAgency": "csr-kikinda",
                                      "reason": "NOT_SAME_PERSON"}}]""")))
    @APIResponse(responseCode = "403", description = "Your agency sees the case but does not own it (not-case-owner)")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public List<RecordLinkView> links(@PathParam("caseId") UUID caseId) {
        return linking.links(caller.get(), caseId);
    }

    @POST
    @Path("/{linkId}/dissolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dissolve a wrongly confirmed link", description = """
            For a link that should not have been confirmed. Either agency may dissolve it, on its own case, once: the
            owner agency's caseworkers and supervisors, as for confirming. The link is kept with who dissolved it, when
            and why, and both agencies see it in GET .../links with `status: DISSOLVED`; the note is shown to the
            dissolving agency only. The pair counts as rejected from then on: it is not suggested again, to either
            agency. Announced as org.uputnica.case.records-unlinked.v1 (ids and the reason code); recorded in the
            access audit.

            Reasons: `NOT_SAME_PERSON` (the records are of different people), `ENTERED_IN_ERROR` (the confirmation was
            a slip: the wrong suggestion or the wrong case), `DUPLICATE_LINK` (the same child's record there is already
            linked through another case of your agency).""")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "not the same child", value = """
            {"reason": "NOT_SAME_PERSON",
             "note": "The other boy's father is named Karim, not Rahim; checked with the interpreter"}""")))
    @APIResponse(responseCode = "200", description = "Dissolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordLinkView.class),
                    examples = @ExampleObject(name = "dissolved", value = """
                    {"id": "c3d1f0a2-5e6b-4c7d-8e9f-a0b1c2d3e4f5", "status": "DISSOLVED", "otherAgency": "csr-bijeljina",
                     "linkedAt": "2026-11-23T10:20:00Z", "linkedBy": "ana.csr", "linkedByAgency": "csr-kikinda",
                     "note": "Same father's name and route via Šid; confirmed with the child through the interpreter",
                     "dissolution": {"at": "2026-11-25T14:05:00Z", "by": "milica.supervisor", "byAgency": "csr-kikinda",
                                     "reason": "NOT_SAME_PERSON",
                                     "note": "The other boy's father is named Karim, not Rahim; checked with the interpreter"}}""")))
    @APIResponse(responseCode = "400", description = "No reason, an unknown reason, or a note over 1000 characters "
            + "(validation, naming the field)")
    @APIResponse(responseCode = "403", description = "Your agency sees the case but does not own it (not-case-owner)")
    @APIResponse(responseCode = "404", description = "No such link of this case, or no such case that you may see")
    @APIResponse(responseCode = "409", description = "Already dissolved, by either agency (link-already-dissolved)")
    public RecordLinkView dissolve(@PathParam("caseId") UUID caseId, @PathParam("linkId") UUID linkId,
                                   @NotNull @Valid LinkDissolution body) {
        return unlinking.dissolve(caller.get(), caseId, linkId, body);
    }
}
