package org.uputnica.referrals.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.http.IfMatch;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The service directory (HSDS-aligned): every agency searches and reads it; each agency's admins keep its own
 * services, and its admins and supervisors report their capacity. Every caller needs a token naming an agency.
 */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Services of the agencies: who offers what, for whom, where, when, how many places")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class DirectoryResource {
    static final String SERVICE_EXAMPLE = """
            {"category": "EDUCATION", "name": "Dnevni boravak za decu",
             "description": "Day care with homework help and a warm meal for school children.",
             "eligibility": {"minAge": 6, "maxAge": 14, "sex": "ANY", "legalStatuses": [],
                             "description": "School children from 6 to 14."},
             "languages": ["sr", "hu", "rom"], "interpretationAvailable": false,
             "location": {"name": "Dnevni boravak ROD", "address": "Generala Drapšina 10", "postalCode": "23300",
                          "municipality": "Kikinda", "latitude": 45.8297, "longitude": 20.4653},
             "serviceAreas": ["Kikinda"],
             "contact": {"name": "Dnevni boravak", "email": "boravak@udruzenje-rod.uputnica.test",
                         "phone": "+381 230 000 202"},
             "schedules": [{"weekday": "MONDAY", "opensAt": "12:00", "closesAt": "18:00"},
                           {"weekday": "TUESDAY", "opensAt": "12:00", "closesAt": "18:00"}],
             "capacity": {"capacity": 20, "vacancies": 4, "waitlist": 0}}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:uputnica:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "capacity.vacancies: must not exceed capacity.capacity",
             "instance": "/api/v1/directory/services",
             "errors": [{"field": "capacity.vacancies", "message": "must not exceed capacity.capacity"}]}""";
    static final String SEARCH_VALIDATION_EXAMPLE = """
            {"type": "urn:uputnica:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "category: must be one of [PSYCHOSOCIAL_SUPPORT, SHELTER, ...]",
             "instance": "/api/v1/directory/services",
             "errors": [{"field": "category", "message": "must be one of [PSYCHOSOCIAL_SUPPORT, SHELTER, ...]"}]}""";
    static final String NOT_OWNING_EXAMPLE = """
            {"type": "urn:uputnica:problem:not-owning-agency", "title": "Forbidden", "status": 403,
             "detail": "only the agency that gives a service (kirs) may change it or see its capacity history",
             "instance": "/api/v1/directory/services/d1000000-0000-4000-8000-000000000006"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:uputnica:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no service 5c1f6a3e-0d7e-4a55-9d1e-2f0c8b7f9d10 in the directory",
             "instance": "/api/v1/directory/services/5c1f6a3e-0d7e-4a55-9d1e-2f0c8b7f9d10"}""";
    static final String STALE_EXAMPLE = """
            {"type": "urn:uputnica:problem:stale-version", "title": "Precondition failed", "status": 412,
             "detail": "the service changed since version 3; it is at version 4",
             "instance": "/api/v1/directory/services/d1000000-0000-4000-8000-000000000002/capacity"}""";

    @Inject
    Directory directory;

    @Inject
    HsdsRecords hsds;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/services")
    @Operation(summary = "Search the active services",
            description = "All filters are optional and combine with AND. An empty parameter counts as absent. "
                    + "Results carry the agency, eligibility, languages and current capacity, ordered by agency "
                    + "name and service name.")
    @APIResponse(responseCode = "200", description = "A page of services")
    @APIResponse(responseCode = "400", description = "A parameter has a bad value; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad category",
                    value = SEARCH_VALIDATION_EXAMPLE)))
    public DirectoryView.Page search(
            @Parameter(description = "service category (as in referrals)", example = "SHELTER",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PSYCHOSOCIAL_SUPPORT", "SHELTER",
                            "LEGAL_AID", "HEALTH_CARE", "EDUCATION", "GUARDIANSHIP", "INTERPRETATION", "FAMILY_TRACING",
                            "MATERIAL_ASSISTANCE", "CASE_MANAGEMENT"}))
            @QueryParam("category") String category,
            @Parameter(description = "the location's municipality or one of the service areas; case, diacritics "
                    + "and script (Cyrillic or Latin) do not matter", example = "Kikinda")
            @QueryParam("municipality") String municipality,
            @Parameter(description = "ISO 639 code of a language the staff speak", example = "fa")
            @QueryParam("language") String language,
            @Parameter(description = "the person's age in years, 0 to 120", example = "15")
            @QueryParam("age") String age,
            @Parameter(description = "the person's sex (as the case-service records it)", example = "MALE",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"FEMALE", "MALE", "OTHER", "UNKNOWN"}))
            @QueryParam("sex") String sex,
            @Parameter(description = "the person's legal status", example = "ASYLUM_SEEKER",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"CITIZEN", "ASYLUM_SEEKER", "REFUGEE",
                            "RETURNEE", "UNDOCUMENTED"}))
            @QueryParam("legalStatus") String legalStatus,
            @Parameter(description = "true: only services with a free place; false: only full services "
                    + "(services without places match neither)", example = "true",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
            @QueryParam("hasVacancy") String hasVacancy,
            @Parameter(description = "alias of the giving agency", example = "kirs")
            @QueryParam("agency") String agency,
            @Parameter(description = "page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 200 (default 50)", example = "50") @QueryParam("size") String size) {
        caller.get();
        return directory.search(SearchCriteria.parse(new SearchCriteria.Raw(category, municipality, language, age, sex,
                legalStatus, hasVacancy, agency, page, size)));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A service, active or not", description = "The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectoryView.Service.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown id",
                    value = NOT_FOUND_EXAMPLE)))
    public Response read(@PathParam("id") UUID id) {
        caller.get();
        return withETag(Response.ok(), directory.find(id));
    }

    @POST
    @Path("/services")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Add a service of your agency", description = "Only an agency-admin; the service belongs "
            + "to the caller's agency. A capacity may be given for a service that has places.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "day care", value = SERVICE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectoryView.Service.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "too many vacancies",
                    value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an agency-admin (forbidden)")
    public Response create(@NotNull @Valid DirectoryInput.Service input, @Context UriInfo uri) {
        DirectoryView.Service created = directory.create(caller.get(), input);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()), created);
    }

    @PUT
    @Path("/services/{id}")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Replace a service of your agency",
            description = "Everything but the capacity (PUT .../capacity). A status left out stays; ACTIVE reactivates.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "day care", value = """
            {"category": "EDUCATION", "name": "Dnevni boravak za decu", "eligibility": {"minAge": 6, "maxAge": 15},
             "languages": ["sr", "hu", "rom"], "serviceAreas": ["Kikinda"],
             "location": {"address": "Generala Drapšina 10", "municipality": "Kikinda"},
             "schedules": [{"weekday": "MONDAY", "opensAt": "12:00", "closesAt": "18:00"}]}""")))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag is set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectoryView.Service.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, named in errors[].field")
    @APIResponse(responseCode = "403", description = "Not an agency-admin (forbidden), or not your agency's service "
            + "(not-owning-agency)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "another agency", value = NOT_OWNING_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale",
                    value = STALE_EXAMPLE)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "the ETag of the service") @HeaderParam(HttpHeaders.IF_MATCH)
                           String ifMatch,
                           @NotNull @Valid DirectoryInput.Service input) {
        return withETag(Response.ok(), directory.update(caller.get(), id, IfMatch.version(ifMatch), input));
    }

    @DELETE
    @Path("/services/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Deactivate a service of your agency",
            description = "The service leaves the search but stays readable, with its history; a PUT with status "
                    + "ACTIVE brings it back. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The service, now INACTIVE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectoryView.Service.class)))
    @APIResponse(responseCode = "403", description = "Not an agency-admin, or not your agency's service")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version")
    public Response deactivate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), directory.deactivate(caller.get(), id, IfMatch.version(ifMatch)));
    }

    @PUT
    @Path("/services/{id}/capacity")
    @RolesAllowed({Roles.AGENCY_ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Report the places of a service of your agency",
            description = "An agency-admin or supervisor of the giving agency. Every update is kept in the "
                    + "capacity history. vacancies may not exceed capacity.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "three free places",
            value = "{\"capacity\": 20, \"vacancies\": 3, \"waitlist\": 0}")))
    @APIResponse(responseCode = "200", description = "The service with its new capacity; the new ETag is set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectoryView.Service.class)))
    @APIResponse(responseCode = "400", description = "Invalid figures, named in errors[].field")
    @APIResponse(responseCode = "403", description = "Not an agency-admin or supervisor, or not your agency's service")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale",
                    value = STALE_EXAMPLE)))
    public Response updateCapacity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull @Valid DirectoryInput.Capacity capacity) {
        return withETag(Response.ok(), directory.updateCapacity(caller.get(), id, IfMatch.version(ifMatch), capacity));
    }

    @GET
    @Path("/services/{id}/capacity/history")
    @Operation(summary = "Every capacity update of a service of your agency, newest first")
    @APIResponse(responseCode = "200", description = "The updates: figures, when, by whom")
    @APIResponse(responseCode = "403", description = "Not your agency's service (not-owning-agency)")
    @APIResponse(responseCode = "404", description = "No such service")
    public List<DirectoryView.CapacityChange> capacityHistory(@PathParam("id") UUID id) {
        return directory.capacityHistory(caller.get(), id);
    }

    @GET
    @Path("/agencies")
    @Operation(summary = "The agencies' public profiles")
    public List<DirectoryView.Agency> agencies() {
        caller.get();
        return directory.agencyProfiles();
    }

    @GET
    @Path("/agencies/{alias}")
    @Operation(summary = "An agency with its services")
    @APIResponse(responseCode = "200", description = "The agency's profile and its services")
    @APIResponse(responseCode = "400", description = "includeInactive is not true or false")
    @APIResponse(responseCode = "404", description = "No such agency")
    public DirectoryView.AgencyWithServices agency(
            @Parameter(example = "udruzenje-rod") @PathParam("alias") String alias,
            @Parameter(description = "also list the inactive services (default false)", example = "false")
            @QueryParam("includeInactive") String includeInactive) {
        caller.get();
        return directory.agency(alias, flag("includeInactive", includeInactive));
    }

    @GET
    @Path("/export/hsds")
    @Operation(summary = "The whole directory as Open Referral HSDS JSON",
            description = "HSDS 3.0 field names (plus service_capacity and unit of HSDS 3.1), in the shape of the "
                    + "HSDS API's paginated organization list with full_service: one page holding every "
                    + "organization with its nested services, locations, service_at_locations, schedules, "
                    + "languages, service areas, eligibility and capacities.")
    @APIResponse(responseCode = "200", description = "The HSDS document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "excerpt", value = HsdsRecords.EXAMPLE)))
    public ObjectNode exportHsds() {
        caller.get();
        return hsds.export();
    }

    private static Response withETag(Response.ResponseBuilder builder, DirectoryView.Service view) {
        return builder.tag(IfMatch.etag(view.version())).entity(view).build();
    }


    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }
}
