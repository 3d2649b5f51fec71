package org.uputnica.console.caseservice;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The case-service's public API, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "cases")
@AccessToken
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CaseService {

    @GET
    List<CaseModel.Summary> list();

    @POST
    CaseModel.CaseFile open(Map<String, Object> body);

    @GET
    @Path("/{id}")
    CaseModel.CaseFile read(@PathParam("id") UUID id);

    @GET
    @Path("/{id}")
    CompletionStage<CaseModel.CaseFile> readAsync(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/consents")
    List<CaseModel.Consent> consents(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/consents")
    CaseModel.Consent recordConsent(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/{id}/consents/{consentId}/withdrawal")
    CaseModel.Consent withdrawConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
                                      Map<String, Object> body);

    @GET
    @Path("/{id}/notes")
    List<CaseModel.Note> notes(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/notes")
    CaseModel.Note addNote(@PathParam("id") UUID id, Map<String, Object> body);

    @GET
    @Path("/{id}/documents")
    List<CaseModel.Document> documents(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    @GET
    @Path("/{id}/plan")
    CaseModel.Plan plan(@PathParam("id") UUID id);

    /** The case's access log (for a supervisor of the owner agency), oldest first. */
    @GET
    @Path("/{id}/access-log")
    List<CaseModel.AccessRecord> accessLog(@PathParam("id") UUID id, @QueryParam("page") int page,
                                           @QueryParam("size") int size);

    /** Possible matches; a purpose (supervisors only) compares with every agency's cases. */
    @GET
    @Path("/{id}/match-suggestions")
    List<CaseModel.MatchSuggestion> matchSuggestions(@PathParam("id") UUID id, @QueryParam("purpose") String purpose);

    @POST
    @Path("/{id}/match-suggestions/{suggestionId}/{decision}")
    CaseModel.MatchSuggestion decideMatch(@PathParam("id") UUID id, @PathParam("suggestionId") UUID suggestionId,
                                          @PathParam("decision") String decision, Map<String, Object> body);
}
