package org.uputnica.cases.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.http.ContentDisposition;
import org.uputnica.platform.http.QueryParams;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}/documents")
@Tag(name = "Documents")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class DocumentResource {

    @Inject
    Documents documents;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document", description = """
            The body is the file itself, with its Content-Type; `name` is the file name. Stored in the database or a
            directory (uputnica.documents.store). A confidential document is seen only by its uploader and supervisors.""")
    @RequestBody(required = true, description = "The file's bytes, in any media type; a body declared as JSON must be one JSON object",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored; the metadata with the SHA-256 of the content",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "413", description = "Larger than uputnica.documents.max-bytes (document-too-large)")
    public Response upload(@PathParam("caseId") UUID caseId, @QueryParam("name") String name,
                           @QueryParam("confidential") String confidential,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                           @Context UriInfo uri) {
        DocumentView created = documents.upload(caller.get(), caseId, name, contentType,
                QueryParams.booleanValue("confidential", confidential, false), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).path("content").build())
                .type(MediaType.APPLICATION_JSON).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's documents (metadata)")
    public List<DocumentView> list(@PathParam("caseId") UUID caseId) {
        return documents.list(caller.get(), caseId);
    }

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A document's content", description = """
            With its media type, always as an attachment (never shown inline by a browser), with
            `X-Content-Type-Options: nosniff` and a Content-Security-Policy that lets nothing in it run. Every read is
            audited.""")
    @APIResponse(responseCode = "200", description = "The file, as an attachment with its stored media type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such document that you may see")
    public Response content(@PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
        Documents.Content content = documents.content(caller.get(), caseId, documentId);
        // an uploaded file is whatever its uploader made it (HTML, SVG with script): a browser must neither render
        // it as a page of this origin nor sniff it into one
        return Response.ok(content.bytes(), content.mediaType())
                .header("Content-Disposition", ContentDisposition.attachment(content.name()))
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
