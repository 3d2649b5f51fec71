package org.uputnica.referrals.workinggroup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.uputnica.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;

@Path("/api/v1/working-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working groups")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN, Roles.ANALYST,
        Roles.PLATFORM_ADMIN})
public class WorkingGroupResource {

    public record WorkingGroupView(String code, String name, String municipality, String country, Set<String> members,
                                   boolean youCoordinate) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    WorkingGroupMembers members;

    @GET
    @Operation(summary = "The working groups and their member agencies")
    public List<WorkingGroupView> list() {
        var me = caller.get();
        return WorkingGroup.<WorkingGroup>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(g -> view(g, me.coordinates(g.code))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One working group")
    public WorkingGroupView get(@PathParam("code") String code) {
        WorkingGroup g = WorkingGroup.findById(code);
        if (g == null) {
            throw ProblemException.notFound("no working group " + code);
        }
        return view(g, caller.get().coordinates(code));
    }

    @PUT
    @Path("/{code}/members/{agency}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "addWorkingGroupMember", summary = "Make an agency a member of a working group "
            + "(platform-admin)", description = "Idempotent: adding a member again changes nothing. A change is "
            + "audited and publishes working-group.member-added.")
    @APIResponse(responseCode = "204", description = "The agency is a member")
    @APIResponse(responseCode = "401", description = "No valid token (unauthenticated)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin (forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such working group or agency (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response addMember(@PathParam("code") String code, @PathParam("agency") String agency) {
        members.add(caller.get(), code, agency);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{code}/members/{agency}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "removeWorkingGroupMember", summary = "Remove an agency from a working group "
            + "(platform-admin)", description = "Idempotent: removing a non-member changes nothing. A change is "
            + "audited and publishes working-group.member-removed. Referrals already made keep their working group.")
    @APIResponse(responseCode = "204", description = "The agency is not a member")
    @APIResponse(responseCode = "401", description = "No valid token (unauthenticated)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin (forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such working group or agency (not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response removeMember(@PathParam("code") String code, @PathParam("agency") String agency) {
        members.remove(caller.get(), code, agency);
        return Response.noContent().build();
    }

    private static WorkingGroupView view(WorkingGroup g, boolean coordinates) {
        return new WorkingGroupView(g.code, g.name, g.municipality, g.country, Set.copyOf(g.members), coordinates);
    }
}
