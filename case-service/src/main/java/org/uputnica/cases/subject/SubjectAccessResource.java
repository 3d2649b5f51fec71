package org.uputnica.cases.subject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.cases.casefile.CaseView;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.ratelimit.RateLimited;

import java.util.UUID;

@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.SUPERVISOR)
public class SubjectAccessResource {

    @Inject
    SubjectAccess subjectAccess;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/subject-access-export")
    @Operation(summary = "Everything the case holds about the person (subject access request)", description = """
            For a supervisor of the owner agency. Confidential notes are left out (and counted) unless
            includeConfidential=true. The export is recorded in the access audit. It holds the oldest 10,000 records of
            the access log (uputnica.subject-access.max-access-records): `accessLogTotal` counts them all, and when
            `accessLogComplete` is false the rest are read page by page from GET /api/v1/cases/{caseId}/access-log.""")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("subject-access-export")
    public SubjectAccessExport export(@PathParam("caseId") UUID caseId,
                                      @QueryParam("includeConfidential") String includeConfidential) {
        return subjectAccess.export(caller.get(), caseId,
                org.uputnica.platform.http.QueryParams.booleanValue("includeConfidential", includeConfidential, false));
    }

    @POST
    @Path("/anonymisation")
    @Operation(summary = "Anonymise the person's data after the retention period", description = """
            Only for a closed case whose retention period (uputnica.cases.retention, default 10 years after closing)
            has passed. Names, identifiers, contacts, family, free text and document contents are erased; codes and
            dates stay for statistics. case.anonymised tells every other holder to erase what it keeps.""")
    @APIResponse(responseCode = "200", description = "The anonymised case")
    @APIResponse(responseCode = "409", description = "Not closed, or the retention period runs (retention-period-running)")
    public CaseView anonymise(@PathParam("caseId") UUID caseId) {
        return subjectAccess.anonymise(caller.get(), caseId);
    }
}
