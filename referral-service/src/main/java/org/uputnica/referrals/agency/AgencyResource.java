package org.uputnica.referrals.agency;

import io.quarkus.security.Authenticated;
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
@Authenticated
public class AgencyResource {

    public record AgencyView(String alias, String name, String country) {
    }

    @GET
    @Operation(summary = "The agencies a referral may go to")
    public List<AgencyView> list() {
        return Agency.<Agency>listAll(io.quarkus.panache.common.Sort.by("alias")).stream()
                .map(a -> new AgencyView(a.alias, a.name, a.country)).toList();
    }
}
