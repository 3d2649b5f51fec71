package org.uputnica.notifications.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.notifications.delivery.DeliveryView;
import org.uputnica.notifications.delivery.NoticeDeliveries;
import org.uputnica.notifications.routing.NoticeKind;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "What the caller has been told about referrals: the items of the caller's agency, "
        + "of the roles the caller holds there, and, for a coordinator, of her working groups")
@SecurityRequirement(name = "SecurityScheme")
// Every role that works for an agency reads its inbox; analysts see aggregates only.
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN, Roles.INTEGRATOR})
public class InboxResource {

    @Inject
    InboxItems inbox;

    @Inject
    CurrentCaller caller;

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    org.uputnica.notifications.settings.NotificationSettings settings;

    @GET
    @Operation(summary = "List your inbox",
            description = "Newest first: your agency's items, the items for roles you hold in it (supervisors hear of "
                    + "overdue referrals), and for a coordinator the items of the working groups she coordinates. "
                    + "Items carry ids and codes only; read the referral and the case from their services.")
    @APIResponse(responseCode = "200", description = "One page of items and the total that matches the filters")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem+json naming it)")
    public InboxPage list(
            @Parameter(description = "true: unread items only; false: read items only; absent: all",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unread") String unread,
            @Parameter(description = "Only items of this kind",
                    schema = @Schema(implementation = NoticeKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only items about this referral",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("referralId") String referralId,
            @Parameter(description = "Page number, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Items per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size) {
        InboxQuery query = InboxQuery.parse(unread, kind, referralId, page, size);
        settings.refresh(caller.get()); // e-mail follows the caller's current agency, roles and groups
        return inbox.list(caller.get(), query);
    }

    @GET
    @Path("/count")
    @Operation(summary = "Count your inbox items", description = "Unread and total of what the list shows, for a badge.")
    @APIResponse(responseCode = "200", description = "The counts")
    public InboxCount count() {
        settings.refresh(caller.get()); // the console asks on every page
        return inbox.count(caller.get());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark an item read",
            description = "For everyone the item is addressed to (the agency, the role, the working group); the first "
                    + "reader and time are kept, marking again changes nothing.")
    @APIResponse(responseCode = "204", description = "Marked read")
    @APIResponse(responseCode = "404", description = "No such item in your inbox")
    public void markRead(@PathParam("id") UUID id) {
        inbox.markRead(caller.get(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "How an item was delivered beyond the inbox",
            description = "Each e-mail and webhook call the notice caused: PENDING (with the next attempt), SENT, or "
                    + "FAILED with the reason. E-mail addresses are masked.")
    @APIResponse(responseCode = "200", description = "Oldest first; empty when nobody gets this notice by another channel")
    @APIResponse(responseCode = "404", description = "No such item in your inbox")
    @Transactional
    public List<DeliveryView> deliveries(@PathParam("id") UUID id) {
        return deliveries.of(inbox.visibleItem(caller.get(), id).id);
    }
}
