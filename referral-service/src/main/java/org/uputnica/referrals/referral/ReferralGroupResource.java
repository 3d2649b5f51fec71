package org.uputnica.referrals.referral;

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
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.referrals.audit.ReferralAccess;

import java.util.UUID;

/** An urgent need sent to several candidate agencies at once: the first to accept wins, the others are withdrawn. */
@Path("/api/v1/referral-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
public class ReferralGroupResource {

    @Inject
    SendReferral sending;

    @Inject
    ReferralQueries queries;

    @Inject
    CurrentCaller caller;

    @Inject
    ReferralAccess access;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Refer a case to several candidate agencies at once", description = "Under consent, each "
            + "candidate needs a consent record naming it (or its kind): give one per candidate in `consentIds` "
            + "(agency alias to consent id), or one `sharing.consentId` that names all their kind. The free-text "
            + "`reason` reaches every candidate.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "emergency shelter", value = """
            {"caseId": "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10", "toAgencies": ["kirs", "udruzenje-rod"],
             "service": "SHELTER", "urgency": "EMERGENCY", "reason": "Unaccompanied boy found at the station tonight",
             "sharing": {"basis": "LEGAL_BASIS", "legalBasis": "Urgent protection of a child (Family Law)",
                         "data": ["IDENTITY", "LANGUAGE"]}}""")))
    @APIResponse(responseCode = "201", description = "The request and its candidate referrals, all SENT",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.Group.class)))
    public Response create(@NotNull @Valid ReferralInput.NewGroupReferral body, @Context UriInfo uri) {
        ReferralView.Group group = sending.createGroup(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(group.id().toString()).build()).entity(group).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR})
    @Operation(summary = "The request with the candidate referrals you may see")
    public ReferralView.Group read(@PathParam("id") UUID id) {
        ReferralView.Group group = queries.group(caller.get(), id);
        access.record(caller.get(), ReferralAccess.Action.READ, group.referrals().stream().map(ReferralView::id).toList());
        return group;
    }
}
