package org.uputnica.referrals.deadline;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.uputnica.platform.problem.Problem;

import java.util.List;
import java.util.UUID;

/** A referral's deadlines, beside the referral itself and with the same visibility. */
@Path("/api/v1/referrals/{id}/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Deadlines by urgency and protocol; overdue lists of working groups")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR})
public class ReferralDeadlineResource {

    @Inject
    Deadlines deadlines;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A referral's deadlines: acknowledge, respond and first contact",
            description = "For the sending and the receiving agency and the working group's coordinator. Times come "
                    + "from the protocol version the referral records; `late` says how far past due a deadline is, "
                    + "or was when it was met.")
    @APIResponse(responseCode = "200", description = "The deadlines, in the order they started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeadlineView.class),
                    examples = @ExampleObject(name = "acknowledged "
                    + "late, answer still due", value = """
                    [{"kind": "ACKNOWLEDGE", "state": "MET", "dueAt": "2026-11-26T09:00:00Z",
                      "escalateAt": "2026-11-29T09:00:00Z", "overdueAt": "2026-11-26T09:00:05Z",
                      "metAt": "2026-11-26T11:30:00Z", "late": "PT2H30M",
                      "protocolCode": "national-default", "protocolVersion": 1},
                     {"kind": "RESPOND", "state": "PENDING", "dueAt": "2026-11-28T09:00:00Z",
                      "escalateAt": "2026-12-01T09:00:00Z", "protocolCode": "national-default", "protocolVersion": 1}]
                    """)))
    @APIResponse(responseCode = "403", description = "Your agency is not a party of this referral (not-a-party)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<DeadlineView> list(@PathParam("id") UUID id) {
        return deadlines.ofReferral(caller.get(), id);
    }
}
