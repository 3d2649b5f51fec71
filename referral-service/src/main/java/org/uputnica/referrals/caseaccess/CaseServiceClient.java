package org.uputnica.referrals.caseaccess;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The case-service's ownership endpoint, called with the caller's own token (it only answers ids). */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1/cases")
@AccessToken
public interface CaseServiceClient {

    record Ownership(UUID caseId, String ownerAgency) {
    }

    @GET
    @Path("/{id}/ownership")
    @Produces(MediaType.APPLICATION_JSON)
    Ownership ownership(@PathParam("id") UUID caseId);
}
