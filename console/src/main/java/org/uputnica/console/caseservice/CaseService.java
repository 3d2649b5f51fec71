package org.uputnica.console.caseservice;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
