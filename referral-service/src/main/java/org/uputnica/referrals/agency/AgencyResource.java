package org.uputnica.referrals.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;

import java.util.List;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN, Roles.ANALYST,
        Roles.INTEGRATOR, Roles.PLATFORM_ADMIN})
public class AgencyResource {

    private final CurrentCaller caller;
    private final Agencies agencies;

    AgencyResource(CurrentCaller caller, Agencies agencies) {
        this.caller = caller;
        this.agencies = agencies;
    }

    public record AgencyView(String alias, String name, String country) {
    }

    @GET
    @Operation(operationId = "listAgencies", summary = "The agencies a referral may go to")
    @APIResponse(responseCode = "200", description = "Every agency, by alias")
    @APIResponse(responseCode = "401", description = "No valid token (unauthenticated)")
    @APIResponse(responseCode = "403", description = "No role of an agency (forbidden), or no agency (no-agency)")
    public List<AgencyView> list() {
        caller.get(); // like every endpoint: a token that names an agency
        return Agency.<Agency>listAll(io.quarkus.panache.common.Sort.by("alias")).stream()
                .map(a -> new AgencyView(a.alias, a.name, a.country)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "createAgency", summary = "Add an agency (platform-admin)",
            description = "Creates the agency's Keycloak organisation (an organisation that exists with this alias "
                    + "is taken as created, so a failed request may be repeated), then its directory entry; "
                    + "publishes agency.created. Its users are added in Keycloak.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a centre for social work", value = """
            {"alias": "csr-zrenjanin", "name": "Centar za socijalni rad Zrenjanin", "country": "RS", "kind": "csr",
             "municipality": "Zrenjanin", "website": "https://csr-zrenjanin.example.rs",
             "email": "info@csr-zrenjanin.example.rs", "phone": "+381 23 000 000"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the directory entry")
    @APIResponse(responseCode = "400", description = "Invalid fields, named in errors[].field (validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid token (unauthenticated)")
    @APIResponse(responseCode = "403", description = "Not a platform-admin (forbidden)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The agency exists (agency-exists), or Keycloak has another "
            + "organisation of that name (organisation-name-taken)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Keycloak refused the request (keycloak-refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached (dependency-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@NotNull @Valid NewAgency input, @Context UriInfo uri) {
        agencies.create(caller.get(), input);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/directory/agencies/{alias}")
                .build(input.alias())).build();
    }
}
