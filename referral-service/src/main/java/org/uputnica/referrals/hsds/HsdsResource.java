package org.uputnica.referrals.hsds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.ratelimit.RateLimited;
import org.uputnica.referrals.directory.HsdsRecords;

/**
 * The service directory as the Open Referral HSDS 3.0 API: public and read-only, with no token (one sent is not
 * looked at), rate-limited per client address. See docs/hsds.md.
 */
@Path("/hsds")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@RateLimited(value = "hsds", by = RateLimited.By.ADDRESS)
@Tag(name = "HSDS", description = "The public directory of services as Open Referral HSDS 3.0 (no token)",
        externalDocs = @ExternalDocumentation(description = "HSDS 3.0 API reference",
                url = "https://docs.openreferral.org/en/latest/hsds/api_reference.html"))
public class HsdsResource {
    static final String SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    static final String BAD_PAGE = """
            {"type": "urn:uputnica:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "per_page: must be a whole number from 1 to 200", "instance": "/hsds/services",
             "errors": [{"field": "per_page", "message": "must be a whole number from 1 to 200"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:uputnica:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no service 5c1f6a3e-0d7e-4a55-9d1e-2f0c8b7f9d10 in the directory",
             "instance": "/hsds/services/5c1f6a3e-0d7e-4a55-9d1e-2f0c8b7f9d10"}""";
    static final String RATE_LIMITED = """
            {"type": "urn:uputnica:problem:rate-limited", "title": "Too many requests", "status": 429,
             "detail": "too many requests of this kind ('hsds'); retry after 1 s", "instance": "/hsds/services"}""";
    static final String SERVICES_EXAMPLE = """
            {"total_items": 11, "total_pages": 6, "page_number": 1, "size": 2, "first_page": true,
             "last_page": false, "empty": false,
             "contents": [{"id": "d1000000-0000-4000-8000-000000000006", "name": "Prihvatni centar Kikinda",
               "status": "active", "organization_id": "3b5e8c5e-6a0c-3f0e-9d52-3c9e5c1a7f10",
               "attributes": [{"link_type": "category", "taxonomy_term": {"code": "SHELTER", "name": "Shelter",
                 "taxonomy": "uputnica-service-category"}}]}]}""";

    private final HsdsDirectory directory;
    private final ObjectMapper mapper;

    public HsdsResource(HsdsDirectory directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "About this HSDS API", description = "The HSDS version and where its OpenAPI document is.")
    @APIResponse(responseCode = "200", description = "version, profile and openapi_url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode about(@Context UriInfo uri) {
        ObjectNode about = mapper.createObjectNode();
        about.put("version", HsdsRecords.HSDS_VERSION);
        about.put("profile", "https://docs.openreferral.org/en/latest/hsds/overview.html");
        about.put("openapi_url", uri.getBaseUriBuilder().path("q/openapi").build().toString());
        return about;
    }

    @GET
    @Path("/services")
    @Operation(summary = "Search the active services (HSDS)", description = "Fully nested services (as with HSDS's "
            + "full=true), ordered by agency and name. Filters combine with AND. Each item validates against HSDS "
            + "3.0's " + SCHEMAS + "compiled/service.json.")
    @APIResponse(responseCode = "200", description = "A page of services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "shelters", value = SERVICES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter has a bad value; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad per_page", value = BAD_PAGE)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode services(
            @Parameter(description = "words in the service's or its agency's name or description", example = "boravak")
            @QueryParam("search") String search,
            @Parameter(description = "a taxonomy term's id, or its code: a category (SHELTER, LEGAL_AID, ...), "
                    + "FEMALE or MALE, or a legal status (ASYLUM_SEEKER, ...)", example = "SHELTER")
            @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "a taxonomy's id, or its name", example = "uputnica-legal-status")
            @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "an organization's id") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "the location's municipality or one of the service areas; case, diacritics "
                    + "and script do not matter", example = "Kikinda") @QueryParam("municipality") String municipality,
            @Parameter(description = "changed at or after this date-time (or date)", example = "2026-01-01T00:00:00Z")
            @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "page number, from 1 (default 1)", example = "1") @QueryParam("page") String page,
            @Parameter(description = "results per page, 1 to 200 (default 50)", example = "50")
            @QueryParam("per_page") String perPage) {
        return directory.services(HsdsQuery.parse(new HsdsQuery.Raw(search, taxonomyTermId, taxonomyId,
                organizationId, municipality, modifiedAfter, page, perPage)));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A service, fully nested (HSDS)", description = "Active or not (see status). Validates "
            + "against " + SCHEMAS + "compiled/service.json.")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown id", value = NOT_FOUND)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode service(@PathParam("id") String id) {
        return directory.service(id);
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "The organizations (HSDS)", description = "The agencies, with their one-to-one fields, "
            + "ordered by alias. A service filter (taxonomy term, taxonomy, municipality) keeps the agencies with "
            + "an active service that matches it; a municipality also matches the agency's own.")
    @APIResponse(responseCode = "200", description = "A page of organizations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "A parameter has a bad value; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad per_page", value = BAD_PAGE)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode organizations(
            @Parameter(description = "words in the name, description or alias", example = "Kikinda")
            @QueryParam("search") String search,
            @Parameter(description = "a taxonomy term's id or code", example = "SHELTER")
            @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "a taxonomy's id or name") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "a municipality", example = "Bijeljina") @QueryParam("municipality") String municipality,
            @Parameter(description = "page number, from 1 (default 1)", example = "1") @QueryParam("page") String page,
            @Parameter(description = "results per page, 1 to 200 (default 50)", example = "50")
            @QueryParam("per_page") String perPage) {
        return directory.organizations(HsdsQuery.parse(new HsdsQuery.Raw(search, taxonomyTermId, taxonomyId, null,
                municipality, null, page, perPage)));
    }

    @GET
    @Path("/organizations/{organizationId}")
    @Operation(summary = "An organization, fully nested with its active services (HSDS)",
            description = "Validates against " + SCHEMAS + "compiled/organization.json.")
    @APIResponse(responseCode = "200", description = "The organization",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode organization(@PathParam("organizationId") String id) {
        return directory.organization(id);
    }

    @GET
    @Path("/locations")
    @Operation(summary = "The locations of the active services (HSDS)", description = "With their addresses. A "
            + "service filter keeps the locations where an active service matches it.")
    @APIResponse(responseCode = "200", description = "A page of locations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "A parameter has a bad value; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad per_page", value = BAD_PAGE)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode locations(
            @Parameter(description = "words in the location's name or address") @QueryParam("search") String search,
            @Parameter(description = "a taxonomy term's id or code", example = "SHELTER")
            @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "a taxonomy's id or name") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "an organization's id") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "the location's municipality", example = "Kikinda")
            @QueryParam("municipality") String municipality,
            @Parameter(description = "page number, from 1 (default 1)", example = "1") @QueryParam("page") String page,
            @Parameter(description = "results per page, 1 to 200 (default 50)", example = "50")
            @QueryParam("per_page") String perPage) {
        return directory.locations(HsdsQuery.parse(new HsdsQuery.Raw(search, taxonomyTermId, taxonomyId,
                organizationId, municipality, null, page, perPage)));
    }

    @GET
    @Path("/locations/{locationId}")
    @Operation(summary = "A location (HSDS)", description = "Validates against " + SCHEMAS + "location.json.")
    @APIResponse(responseCode = "200", description = "The location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such location of an active service",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode location(@PathParam("locationId") String id) {
        return directory.location(id);
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "The active services at their locations (HSDS)", description = "One per active service "
            + "with a location, with the location and the service's one-to-one fields. municipality is the "
            + "location's.")
    @APIResponse(responseCode = "200", description = "A page of service_at_locations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "A parameter has a bad value; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad per_page", value = BAD_PAGE)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode serviceAtLocations(
            @Parameter(description = "words in the service's or its agency's name or description")
            @QueryParam("search") String search,
            @Parameter(description = "a taxonomy term's id or code", example = "SHELTER")
            @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "a taxonomy's id or name") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "an organization's id") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "the location's municipality", example = "Kikinda")
            @QueryParam("municipality") String municipality,
            @Parameter(description = "the service changed at or after this date-time (or date)")
            @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "page number, from 1 (default 1)", example = "1") @QueryParam("page") String page,
            @Parameter(description = "results per page, 1 to 200 (default 50)", example = "50")
            @QueryParam("per_page") String perPage) {
        return directory.serviceAtLocations(HsdsQuery.parse(new HsdsQuery.Raw(search, taxonomyTermId, taxonomyId,
                organizationId, municipality, modifiedAfter, page, perPage)));
    }

    @GET
    @Path("/service_at_locations/{serviceAtLocationId}")
    @Operation(summary = "A service at a location (HSDS)",
            description = "Validates against " + SCHEMAS + "compiled/service_at_location.json.")
    @APIResponse(responseCode = "200", description = "The service_at_location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such service_at_location of an active service",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (rate-limited)",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = RATE_LIMITED)))
    public ObjectNode serviceAtLocation(@PathParam("serviceAtLocationId") String id) {
        return directory.serviceAtLocation(id);
    }
}
