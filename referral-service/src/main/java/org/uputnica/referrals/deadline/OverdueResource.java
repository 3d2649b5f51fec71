package org.uputnica.referrals.deadline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;

/** A working group's overdue list: what its coordinator must chase. */
@Path("/api/v1/working-groups/{code}/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.COORDINATOR)
public class OverdueResource {

    @Inject
    Deadlines deadlines;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Overdue and escalated deadlines of the working group's referrals, oldest first",
            description = "One item per late deadline (a referral late to acknowledge and to respond appears twice). "
                    + "For the group's coordinator only.")
    @APIResponse(responseCode = "200", description = "A page of late deadlines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadlineView.OverduePage.class),
                    examples = @ExampleObject(name = "one late",
                    value = """
                            {"workingGroup": "kikinda-child-protection", "page": 0, "size": 50, "total": 1,
                             "items": [{"referralId": "5d1c0c39-7a43-4f0e-9a57-3f3f0d6b8a11",
                                        "fromAgency": "csr-kikinda", "toAgency": "udruzenje-rod",
                                        "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT", "status": "ESCALATED",
                                        "deadline": "ACKNOWLEDGE", "state": "ESCALATED",
                                        "dueAt": "2026-11-25T09:00:00Z", "escalateAt": "2026-11-27T09:00:00Z",
                                        "late": "PT50H", "protocolCode": "kikinda-children-begging",
                                        "protocolVersion": 1}]}""")))
    @APIResponse(responseCode = "400", description = "A bad page or size, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the coordinator of this working group (not-coordinator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such working group",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DeadlineView.OverduePage overdue(@PathParam("code") String code,
                                            @Parameter(description = "from 0") @QueryParam("page") String page,
                                            @Parameter(description = "1 to 200, 50 by default")
                                            @QueryParam("size") String size) {
        return deadlines.overdue(caller.get(), code, number("page", page, 0, 0, 100_000),
                number("size", size, 50, 1, 200));
    }

    /** Parsed here, so a bad value is a 400 naming the parameter (JAX-RS itself would answer 404). */
    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
