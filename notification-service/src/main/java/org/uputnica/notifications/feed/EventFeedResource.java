package org.uputnica.notifications.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.uputnica.platform.http.QueryParams;
import org.uputnica.platform.input.Dates;
import org.uputnica.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event feed", description = """
        Every event your agency may see, to fetch again at any time: the referral events of the referrals it sent or \
        received, the consents recorded and withdrawn for its cases or naming it, the transfers of cases to or from it, \
        and the record links between its cases and another agency's. The same events, and only those, that its \
        webhooks may subscribe to. Events are CloudEvents JSON with ids and codes only (docs/asyncapi.yaml); the feed \
        keeps them for 90 days by default. Read on with the cursor of the last event you stored: after an outage you \
        get exactly what you missed, in order; an event may come twice only if you store the cursor before the event.""")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.INTEGRATOR, Roles.AGENCY_ADMIN})
public class EventFeedResource {

    private final EventFeed feed;
    private final CurrentCaller caller;

    public EventFeedResource(EventFeed feed, CurrentCaller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Read your agency's event feed",
            description = "Oldest first, from after the cursor 'after', or from the first event that happened at or "
                    + "after 'since' (a replay), or from the oldest event kept. The answer's 'next' is the cursor to "
                    + "read on with; on an empty page it is the position to poll from later.")
    @APIResponse(responseCode = "200", description = "One page of events")
    @APIResponse(responseCode = "400", description = "A bad parameter (validation, naming it): 'after' that is no cursor "
            + "of this feed, 'since' that is no date-time with an offset, 'limit' outside 1 to 1000, or both 'after' "
            + "and 'since'")
    @APIResponse(responseCode = "403", description = "Not an integrator or agency-admin of an agency (forbidden, no-agency)")
    @APIResponse(responseCode = "410", description = "Events after this cursor were erased after the retention period "
            + "(cursor-expired): replay from a date with 'since'")
    public FeedPage read(
            @Parameter(description = "A cursor from an earlier answer ('next', or an event's 'cursor'): events after it",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after,
            @Parameter(description = "Replay: from the first of your events that happened at or after this time "
                    + "(ISO-8601 with offset, e.g. 2026-12-01T00:00:00Z)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = "Events per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limit) {
        int size = QueryParams.intValue("limit", limit, EventFeed.DEFAULT_LIMIT, 1, EventFeed.MAX_LIMIT);
        boolean hasAfter = after != null && !after.isEmpty();
        boolean hasSince = since != null && !since.isEmpty();
        if (hasAfter && hasSince) {
            throw ProblemException.invalidField("since", "give either 'after' or 'since', not both");
        }
        FeedCursor cursor = hasAfter ? FeedCursor.decode("after", after) : null;
        return feed.read(caller.get().agency(), cursor, hasSince ? sinceTime(since) : null, size);
    }

    private static OffsetDateTime sinceTime(String since) {
        try {
            return Dates.dateTime(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "must be a date-time with an offset, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
