package org.uputnica.referrals.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class ReferralResource {

    @Inject
    ReferralWorkflow workflow;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Refer a case to another agency", description = "Only the agency that owns the case may refer it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "psychosocial support", value = """
            {"caseId": "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10", "toAgency": "udruzenje-rod",
             "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT", "reason": "Needs support after placement"}""")))
    @APIResponse(responseCode = "201", description = "Sent; status SENT")
    @APIResponse(responseCode = "400", description = "Invalid input, unknown agency or case")
    @APIResponse(responseCode = "403", description = "Your agency does not own the case")
    public Response send(@NotNull @Valid ReferralInput.NewReferral input, @Context UriInfo uri) {
        ReferralView sent = workflow.send(caller.get(), input);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(sent.id().toString()).build()), sent);
    }

    @GET
    @Operation(summary = "Your agency's incoming or outgoing referrals, newest first")
    public ReferralView.Page list(
            @QueryParam("direction") @DefaultValue("INCOMING") ReferralWorkflow.Direction direction,
            @QueryParam("status") ReferralStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return workflow.list(caller.get(), direction, status, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A referral, for its sender and its receiver only", description = "The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The referral")
    @APIResponse(responseCode = "403", description = "Your agency is not a party of this referral")
    public Response read(@PathParam("id") UUID id) {
        return withETag(Response.ok(), ReferralView.of(workflow.find(caller.get(), id)));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the referral: who, which agency, when, from, to, why")
    public List<ReferralView.HistoryEntry> history(@PathParam("id") UUID id) {
        return workflow.history(caller.get(), id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD) // a bare POST without a body or Content-Type is the usual call
    @Operation(summary = "The receiver has seen the referral")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "403", description = "Not the receiving agency")
    @APIResponse(responseCode = "409", description = "Not possible from the current status")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version")
    public Response acknowledge(@PathParam("id") UUID id, @Parameter(description = "the ETag of the referral")
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.ACKNOWLEDGE, ifMatch, null, null);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "The receiver accepts the referral, with an optional note for the sender")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "403", description = "Not the receiving agency")
    @APIResponse(responseCode = "409", description = "Already accepted, declined, or otherwise not possible")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid ReferralInput.Note body) {
        return act(id, ReferralAction.ACCEPT, ifMatch, null, body == null ? null : body.note());
    }

    /** The same accept as a bare POST without a JSON body, the usual call from scripts. */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response acceptWithoutNote(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.ACCEPT, ifMatch, null, null);
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "The receiver declines the referral, with a reason")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "no capacity", value = """
            {"reasonCode": "NO_CAPACITY", "reason": "All shelter places taken until next month"}""")))
    @APIResponse(responseCode = "200", description = "Declined")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Not the receiving agency")
    @APIResponse(responseCode = "409", description = "Already accepted, declined, or otherwise not possible")
    public Response decline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid ReferralInput.Decline body) {
        return act(id, ReferralAction.DECLINE, ifMatch, body.reasonCode(), body.reason().strip());
    }

    private Response act(UUID id, ReferralAction action, String ifMatch, DeclineReason code, String note) {
        ReferralView view = workflow.act(caller.get(), id, action, versionOf(ifMatch), code, note);
        return withETag(Response.ok(), view);
    }

    private static Response withETag(Response.ResponseBuilder builder, ReferralView view) {
        return builder.tag(new EntityTag(Long.toString(view.version()))).entity(view).build();
    }

    /** If-Match carries the ETag, quoted or weak; anything else is a 400, never a silent ignore. */
    static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "is not an ETag of this referral");
        }
    }
}
