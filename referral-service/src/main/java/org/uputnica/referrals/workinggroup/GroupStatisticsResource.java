package org.uputnica.referrals.workinggroup;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.ratelimit.RateLimited;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.platform.input.Dates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A working group's figures for its meetings and its annual report: for the group's coordinator, and for ministry
 * analysts (aggregates only, never a name). The same figures as JSON or as CSV.
 */
@Path("/api/v1/working-groups/{code}/statistics")
@Tag(name = "Working groups")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COORDINATOR, Roles.ANALYST})
public class GroupStatisticsResource {

    @Inject
    GroupStatisticsQuery query;

    @Inject
    CurrentCaller caller;

    @Inject
    java.time.Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Referrals between the group's members sent in a period: by status, service, urgency, "
            + "outcome, decline reason, and each receiving agency's time to acknowledge and to answer")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "Not this group's coordinator nor an analyst")
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("statistics")
    public GroupStatistics statistics(@PathParam("code") String code,
                                      @Parameter(description = "first day, YYYY-MM-DD (default: 30 days ago)") @QueryParam("from") String from,
                                      @Parameter(description = "last day, YYYY-MM-DD (default: today)") @QueryParam("to") String to) {
        return figures(code, from, to);
    }

    @GET
    @Path("/agencies.csv")
    @Produces("text/csv")
    @Operation(summary = "The per-agency figures as CSV (UTF-8, comma-separated, a header line)")
    @APIResponse(responseCode = "200", description = "One row per agency, as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("statistics")
    public Response csv(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        GroupStatistics s = figures(code, from, to);
        return Response.ok(AgencyFiguresCsv.of(s.agencies()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + code + "-" + s.from().toLocalDate() + "-"
                        + s.to().toLocalDate().minusDays(1) + ".csv\"")
                .build();
    }

    private GroupStatistics figures(String code, String from, String to) {
        Caller me = caller.get();
        WorkingGroup group = WorkingGroup.findById(code);
        if (group == null) {
            throw ProblemException.notFound("no working group " + code);
        }
        if (!me.coordinates(code) && !me.hasRole(Roles.ANALYST)) {
            throw ProblemException.forbidden(ProblemType.FORBIDDEN, "only the group's coordinator and analysts see its figures");
        }
        LocalDate last = day("to", to, LocalDate.now(clock));
        LocalDate first = day("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "must not be after 'to'");
        }
        return query.of(code, first.atStartOfDay().atOffset(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Dates.date(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date YYYY-MM-DD");
        }
    }
}
