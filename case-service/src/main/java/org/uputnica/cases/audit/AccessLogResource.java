package org.uputnica.cases.audit;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.csv.CsvExports;
import org.uputnica.platform.http.ContentDisposition;
import org.uputnica.platform.http.QueryParams;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.ratelimit.RateLimited;
import org.uputnica.platform.input.Dates;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The access audit of a case, for the owner agency's supervisor: to answer a data-protection request. */
@Path("/api/v1/cases/{caseId}/access-log")
@Tag(name = "Access audit")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.SUPERVISOR)
public class AccessLogResource {
    /** The largest page: a bigger log is read page by page (page=0, 1, …). */
    static final int MAX_PAGE = 1_000;

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessLog log;

    @Inject
    AccessAudit audit;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional
    @Operation(summary = "Who read or changed this case's personal data, when, and on what basis", description = """
            Every read and change by any agency, with the referral or consent that allowed it (basis, basisId).
            `Accept: text/csv` exports it for a data-protection request. Reading the log is itself recorded. Pages of
            `size` records (default 500, at most 1000), from `page` 0.""")
    @APIResponse(responseCode = "200", description = "Oldest first",
            content = {
                    @Content(mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AccessRecord.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = "Not a supervisor of the owner agency")
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("access-log")
    public Response read(@PathParam("caseId") UUID caseId, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("agency") String agency,
                         @QueryParam("page") String page, @QueryParam("size") String size,
                         @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        Caller me = caller.get();
        CaseAccess access = policy.ownerSupervisor(me, caseId);
        int limit = QueryParams.intValue("size", size, 500, 1, MAX_PAGE);
        int offset = QueryParams.intValue("page", page, 0, 0, 1_000_000) * limit;
        List<AccessRecord> records = log.of(caseId, time("from", from), time("to", to), agency, offset, limit);
        boolean csv = accept != null && accept.contains("text/csv");
        audit.record(me, access, AccessAudit.Action.EXPORT, csv ? "access log exported" : "access log read");
        if (csv) {
            return Response.ok(csv(records), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", ContentDisposition.attachment("access-log-" + caseId + ".csv")).build();
        }
        return Response.ok(records, MediaType.APPLICATION_JSON).build();
    }

    private static final com.fasterxml.jackson.dataformat.csv.CsvMapper CSV = CsvExports.mapper();

    static {
        CSV.registerModule(new JavaTimeModule());
        CSV.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    static String csv(List<AccessRecord> records) {
        try {
            return CSV.writer(CSV.schemaFor(AccessRecord.class).withHeader().withLineSeparator("\r\n"))
                    .writeValueAsString(records);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an access record cannot be written as CSV", e);
        }
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Dates.dateTime(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date-time with offset, e.g. 2026-11-23T00:00:00Z");
        }
    }
}
