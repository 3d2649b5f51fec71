package org.uputnica.referrals.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.uputnica.referrals.caseaccess.ServiceAccountToken;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a consent record of the case-service allows, asked with the referral-service's own token (role case-lookup). */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1/cases")
@RegisterClientHeaders(ServiceAccountToken.class)
public interface CaseServiceConsents {

    /** The part of the case-service's consent that the referral-service needs; who gave it and why are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentRecord(UUID id, UUID caseId, String toAgency, String toAgencyKind, List<String> data,
                         LocalDate validFrom, LocalDate validUntil, OffsetDateTime withdrawnAt) {
    }

    /** 404 when the case has no such consent. */
    @GET
    @Path("/{caseId}/consents/{consentId}/terms")
    @Produces(MediaType.APPLICATION_JSON)
    ConsentRecord consent(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId);
}
