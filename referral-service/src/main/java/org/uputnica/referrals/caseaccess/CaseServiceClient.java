package org.uputnica.referrals.caseaccess;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The case-service's ownership endpoint, called with the referral-service's own token (role case-lookup). */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1/cases")
@RegisterClientHeaders(ServiceAccountToken.class)
public interface CaseServiceClient {

    record Ownership(UUID caseId, String ownerAgency) {
    }

    @GET
    @Path("/{id}/ownership")
    @Produces(MediaType.APPLICATION_JSON)
    Ownership ownership(@PathParam("id") UUID caseId);
}
