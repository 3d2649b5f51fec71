package org.uputnica.referrals.protocol;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;

/**
 * Protocols as versioned configuration. Versions are immutable: there is no PUT or DELETE, a change is a new version,
 * and referrals already sent keep the version that governed them. Anyone signed in may read protocols: they are the
 * rules every agency works by.
 */
@Path("/api/v1/protocols")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Protocols", description = "Versioned protocols: who leads, who is told, deadlines, required data")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class ProtocolResource {
    static final String PROTOCOL_EXAMPLE = """
            {"code": "kikinda-children-begging", "version": 1,
             "name": "Protokol o postupanju sa decom zatečenom u prosjačenju (Kikinda)",
             "description": "Local protocol of the Kikinda child-protection working group",
             "leadAgency": "csr-kikinda", "notifyAgencies": ["csr-kikinda"],
             "scope": {"workingGroup": "kikinda-child-protection",
                       "services": ["PSYCHOSOCIAL_SUPPORT", "MATERIAL_ASSISTANCE", "EDUCATION"]},
             "deadlines": {
               "EMERGENCY": {"acknowledge": "PT12H", "respond": "PT24H", "firstContact": "PT24H", "escalateAfter": "PT12H"},
               "URGENT": {"acknowledge": "PT48H", "respond": "PT72H", "firstContact": "P5D", "escalateAfter": "PT48H"},
               "ROUTINE": {"acknowledge": "P7D", "respond": "P14D", "firstContact": "P21D", "escalateAfter": "P7D"}},
             "requiredSharedData": ["IDENTITY"], "current": true, "fallback": false,
             "createdAt": "2026-01-01T00:00:00Z", "createdBy": "jelena.coordinator"}""";

    @Inject
    Protocols protocols;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The current version of every protocol, by code",
            description = "The protocol with `fallback` true governs every referral that no other protocol covers.")
    @APIResponse(responseCode = "200", description = "Current versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProtocolView.class),
                    examples = @ExampleObject(name = "one protocol", value = "[" + PROTOCOL_EXAMPLE + "]")))
    public List<ProtocolView> list() {
        return protocols.currentVersions();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The current version of a protocol", description = "The ETag is the version number; give it "
            + "as If-Match when publishing the next version.")
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProtocolView.class),
                    examples = @ExampleObject(name = "Kikinda protocol", value = PROTOCOL_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such protocol",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response current(@PathParam("code") String code) {
        ProtocolView view = protocols.current(code);
        return Response.ok(view).tag(new EntityTag(Integer.toString(view.version()))).build();
    }

    @GET
    @Path("/{code}/versions")
    @Operation(summary = "Every version of a protocol, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such protocol",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<ProtocolView> versions(@PathParam("code") String code) {
        return protocols.versions(code);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Operation(summary = "One version of a protocol", description = "What a referral's protocolCode and "
            + "protocolVersion point to: it never changes.")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "400", description = "The version is not a positive whole number",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such protocol or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProtocolView version(@PathParam("code") String code,
                                @Parameter(description = "1, 2, ...") @PathParam("version") String version) {
        return protocols.version(code, positive("version", version));
    }

    @POST
    @Path("/{code}/versions")
    @RolesAllowed({Roles.COORDINATOR, Roles.AGENCY_ADMIN})
    @Operation(summary = "Publish the next version of a protocol (version 1 creates it)",
            description = """
                    A local protocol (scope with a working group) is published by that working group's coordinator; a
                    national one (no working group in its scope) by an agency admin of a national authority (the
                    ministry). Deadlines are ISO-8601 durations (PT72H, P14D, P2W); those left out take the
                    inter-agency form's defaults (acknowledge EMERGENCY PT24H, URGENT PT72H, ROUTINE P14D). Every
                    scope needs a working group or services, except the default protocol's, which must be empty; it
                    must not overlap another protocol's at the same level (working group and services, working group
                    alone, services alone): the most specific protocol governs a referral.
                    Referrals sent from now on record the new version; those sent before keep theirs.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "tighter deadlines for the Kikinda protocol", value = """
            {"name": "Protokol o postupanju sa decom zatečenom u prosjačenju (Kikinda)",
             "leadAgency": "csr-kikinda", "notifyAgencies": ["csr-kikinda"],
             "scope": {"workingGroup": "kikinda-child-protection",
                       "services": ["PSYCHOSOCIAL_SUPPORT", "MATERIAL_ASSISTANCE", "EDUCATION"]},
             "deadlines": {"EMERGENCY": {"acknowledge": "PT6H", "respond": "PT12H"},
                           "URGENT": {"acknowledge": "PT24H", "respond": "PT48H", "firstContact": "P3D"}},
             "requiredSharedData": ["IDENTITY", "CONTACT"]}""")))
    @APIResponse(responseCode = "201", description = "Published; Location names the version, the ETag is its number",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProtocolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, each bad field named (e.g. an invalid ISO "
            + "duration at deadlines.URGENT.acknowledge)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "invalid duration", value = """
                    {"type": "urn:uputnica:problem:validation", "title": "Invalid request", "status": 400,
                     "detail": "deadlines.URGENT.acknowledge: is not an ISO-8601 duration (for example PT72H, P14D or P2W)",
                     "instance": "/api/v1/protocols/kikinda-children-begging/versions",
                     "errors": [{"field": "deadlines.URGENT.acknowledge",
                                 "message": "is not an ISO-8601 duration (for example PT72H, P14D or P2W)"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a keeper of this protocol (not-protocol-keeper), or "
            + "neither coordinator nor agency admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Another protocol already governs the same referrals at the same "
            + "level of specificity (protocol-scope-overlap)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response publish(@PathParam("code") String code,
                            @Parameter(description = "the current version you based this one on (the ETag of GET)")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid ProtocolInput.NewVersion body, @Context UriInfo uri) {
        ProtocolView created = protocols.publish(caller.get(), code, expectedVersion(ifMatch), body);
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.version())).build())
                .tag(new EntityTag(Integer.toString(created.version()))).entity(created).build();
    }

    /** A path segment that must be a version number: a 400 naming it, where JAX-RS itself would answer 404. */
    private static int positive(String field, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a positive whole number");
    }

    /** If-Match carries the ETag, quoted or weak; anything else is a 400, never a silent ignore. */
    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Integer.parseInt(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "is not an ETag of this protocol");
        }
    }
}
