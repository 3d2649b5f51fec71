package org.uputnica.cases.audit;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
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
import org.uputnica.platform.http.QueryParams;
import org.uputnica.platform.problem.ProblemException;
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
            `Accept: text/csv` exports it for a data-protection request. Reading the log is itself recorded.""")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "403", description = "Not a supervisor of the owner agency")
    public Response read(@PathParam("caseId") UUID caseId, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("agency") String agency,
                         @QueryParam("page") String page, @QueryParam("size") String size,
                         @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        Caller me = caller.get();
        CaseAccess access = policy.ownerSupervisor(me, caseId);
        int limit = QueryParams.intValue("size", size, 500, 1, 10_000);
        int offset = QueryParams.intValue("page", page, 0, 0, 1_000_000) * limit;
        List<AccessRecord> records = log.of(caseId, time("from", from), time("to", to), agency, offset, limit);
        boolean csv = accept != null && accept.contains("text/csv");
        audit.record(me, access, AccessAudit.Action.EXPORT, csv ? "access log exported" : "access log read");
        if (csv) {
            return Response.ok(csv(records), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"access-log-" + caseId + ".csv\"").build();
        }
        return Response.ok(records, MediaType.APPLICATION_JSON).build();
    }

    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static String csv(List<AccessRecord> records) {
        try {
            return CSV.writer(CSV.schemaFor(AccessRecord.class).withHeader().withLineSeparator("\r\n"))
                    .writeValueAsString(records.stream().map(AccessLogResource::spreadsheetSafe).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an access record cannot be written as CSV", e);
        }
    }

    /** A leading =, +, - or @ would be run as a formula by a spreadsheet: such values get a leading quote. */
    static AccessRecord spreadsheetSafe(AccessRecord r) {
        return new AccessRecord(r.at(), safe(r.userId()), safe(r.username()), safe(r.agency()), safe(r.roles()),
                r.action(), r.basis(), r.basisId(), safe(r.purpose()));
    }

    private static String safe(String v) {
        return v != null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
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
