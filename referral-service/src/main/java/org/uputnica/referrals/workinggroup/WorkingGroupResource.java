package org.uputnica.referrals.workinggroup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN, Roles.ANALYST})
public class WorkingGroupResource {

    public record WorkingGroupView(String code, String name, String municipality, String country, Set<String> members,
                                   boolean youCoordinate) {
    }

    @Inject
    CurrentCaller caller;

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

    private static WorkingGroupView view(WorkingGroup g, boolean coordinates) {
        return new WorkingGroupView(g.code, g.name, g.municipality, g.country, Set.copyOf(g.members), coordinates);
    }
}
