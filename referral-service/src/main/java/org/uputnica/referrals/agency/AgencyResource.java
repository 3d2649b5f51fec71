package org.uputnica.referrals.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN, Roles.ANALYST,
        Roles.INTEGRATOR})
public class AgencyResource {

    @Inject
    CurrentCaller caller;

    public record AgencyView(String alias, String name, String country) {
    }

    @GET
    @Operation(summary = "The agencies a referral may go to")
    public List<AgencyView> list() {
        caller.get(); // like every endpoint: a token that names an agency
        return Agency.<Agency>listAll(io.quarkus.panache.common.Sort.by("alias")).stream()
                .map(a -> new AgencyView(a.alias, a.name, a.country)).toList();
    }
}
