package org.uputnica.cases.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.idempotency.Idempotency;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class ConsentResource {

    @Inject
    Consents consents;

    @Inject
    CurrentCaller caller;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(summary = "Record a consent to share the case's data", description = """
            Who gave it, for what purpose, to which agency (or kind of agency), which kinds of data, from when until
            when, and how. Announced as case.consent-recorded (without who gave it or why); a referral may then share
            data under it (sharing.consentId).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "guardian consents to psychosocial support", value = """
            {"givenBy": "GUARDIAN", "giverName": "Jovana Petrović", "purpose": "Psychosocial support at ROD",
             "toAgency": "udruzenje-rod", "data": ["IDENTITY", "LANGUAGE", "DATE_OF_BIRTH"],
             "validFrom": "2026-11-23", "validUntil": "2027-05-23", "method": "SIGNED_FORM"}""")))
    @APIResponse(responseCode = "201", description = "Recorded (also a retry with the same Idempotency-Key and body: "
            + "the first answer again)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (problem+json naming the field)")
    public Response record(@PathParam("caseId") UUID caseId, @NotNull @Valid ConsentInput body,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Caller me = caller.get();
        return idempotency.once(idempotency.request(idempotencyKey, me.agency(), me.userId(), "POST", uri.getPath(), body),
                () -> {
                    ConsentView created = consents.record(me, caseId, body);
                    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                            .entity(created).build();
                });
    }

    @GET
    @Operation(summary = "The case's consents, withdrawn ones included")
    public List<ConsentView> list(@PathParam("caseId") UUID caseId) {
        return consents.list(caller.get(), caseId);
    }

    @GET
    @Path("/{consentId}")
    @Operation(summary = "One consent, with who gave it")
    @APIResponse(responseCode = "200", description = "The consent record")
    @APIResponse(responseCode = "404", description = "No such consent in a case of your agency")
    public ConsentView read(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId) {
        return consents.read(caller.get(), caseId, consentId);
    }

    @GET
    @Path("/{consentId}/terms")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.CASE_LOOKUP})
    @Operation(summary = "What a consent allows (ids and codes only)", description = """
            Which agency or kind of agency, which kinds of data, from when until when, and whether it was withdrawn;
            never who gave it or why. The referral-service's service account (role case-lookup) asks this when it
            has not yet heard of a consent; the owner agency and the agencies of an open referral of the case may
            too; 404 for anyone else. Every answer is in the case's access log.""")
    @APIResponse(responseCode = "200", description = "What the consent covers")
    @APIResponse(responseCode = "404", description = "No such consent of that case, or not a case you may look up")
    public ConsentTerms terms(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId) {
        return consents.terms(caseId, consentId);
    }

    @POST
    @Path("/{consentId}/withdrawal")
    @Operation(summary = "Withdraw a consent", description = """
            The consent is kept with the withdrawal. Agencies whose access to the case rested on it lose it at once;
            case.consent-withdrawn tells the referral-service, which stops the sharing and tells the receivers.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdrawn", value = """
            {"note": "The guardian withdrew consent by phone; confirmed in writing"}""")))
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "Already withdrawn (consent-withdrawn)")
    public ConsentView withdraw(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId,
                                @NotNull @Valid Withdrawal body) {
        return consents.withdraw(caller.get(), caseId, consentId, body);
    }
}
