package org.uputnica.cases.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The owner agency sees which agencies reach its case through referrals, and may keep a closed one's access. */
@Path("/api/v1/cases/{caseId}/collaborations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collaborating agencies")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class CollaborationResource {

    private final CaseAccessPolicy policy;
    private final CurrentCaller caller;
    private final Clock clock;
    private final CollaborationConfig config;
    private final AccessAudit audit;

    public CollaborationResource(CaseAccessPolicy policy, CurrentCaller caller, Clock clock, CollaborationConfig config,
                                 AccessAudit audit) {
        this.policy = policy;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    @GET
    @Transactional
    @Operation(summary = "The referrals of the case and the access each gives its receiver now", description = """
            An agency that accepted a referral sees what it shared while it works on it (ACCEPTED, IN_PROGRESS,
            ON_HOLD); the access ends when the referral closes unless extended, and at once when its consent is
            withdrawn.""")
    public List<CollaborationView> list(@PathParam("caseId") UUID caseId) {
        policy.owner(caller.get(), caseId);
        LocalDate today = LocalDate.now(clock);
        return CaseReferral.ofCase(caseId).stream().map(r -> CollaborationView.of(r, today)).toList();
    }

    @PUT
    @Path("/{referralId}/extension")
    @Transactional
    @Operation(summary = "Keep a receiver's access after its referral closes, until a day",
            description = "At most uputnica.collaborations.max-extension ahead (180 days by default); recorded in the "
                    + "case's access log.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "follow-up", value = """
            {"until": "2027-02-28"}""")))
    @APIResponse(responseCode = "200", description = "The referral with its access")
    @APIResponse(responseCode = "400", description = "until is in the past, or further ahead than allowed (validation)")
    @APIResponse(responseCode = "409", description = "The referral's sharing was revoked, or it was never accepted")
    public CollaborationView extend(@PathParam("caseId") UUID caseId, @PathParam("referralId") UUID referralId,
                                    @NotNull @Valid Extension body) {
        Caller who = caller.get();
        policy.owner(who, caseId);
        CaseReferral r = CaseReferral.findById(referralId);
        if (r == null || !r.caseId.equals(caseId)) {
            throw ProblemException.notFound("no referral " + referralId + " of case " + caseId);
        }
        LocalDate today = LocalDate.now(clock);
        if (r.revokedAt != null || r.acceptedAt == null || "TRANSFER".equals(r.kind)) {
            throw ProblemException.conflict(org.uputnica.cases.CaseProblems.NOT_EXTENDABLE,
                    "only an accepted referral whose sharing was not revoked gives access that can be extended");
        }
        if (body.until().isBefore(today)) {
            throw ProblemException.invalidField("until", "must not be in the past");
        }
        LocalDate latest = today.plus(config.maxExtension());
        if (body.until().isAfter(latest)) {
            throw ProblemException.invalidField("until", "must not be after " + latest + " (" + config.maxExtension() + " from today)");
        }
        r.extendedUntil = body.until();
        audit.record(who, caseId, AccessAudit.Action.UPDATE,
                "access of " + r.toAgency + " extended until " + body.until() + " (referral " + referralId + ")");
        return CollaborationView.of(r, today);
    }
}
