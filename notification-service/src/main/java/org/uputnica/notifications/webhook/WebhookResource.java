package org.uputnica.notifications.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.uputnica.notifications.delivery.DeliveryStatus;
import org.uputnica.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = """
        Events for an agency's own systems, without polling. Each event the agency may see (as its event feed shows \
        it: referral, consent, case-transfer and record-link events) is POSTed as its CloudEvents JSON to every webhook of the agency that asked for its type, signed per the Standard \
        Webhooks convention: headers webhook-id (the delivery id, the same on every retry), webhook-timestamp (seconds \
        since the epoch) and webhook-signature: v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), where key \
        is the base64-decoded part of the secret after whsec_; during a secret rotation the header holds two signatures, \
        space-separated, one per secret. Any 2xx answer is success. Only public internet \
        addresses are called: the host is resolved at registration and before every attempt, and an attempt to an \
        address that is not public is parked at once with the error "the endpoint's address is not allowed". Failures are retried with \
        exponential back-off (30 s, doubling, at most 4 h apart) for a day, then parked in the dead-letter store, from \
        where they can be replayed.""")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.INTEGRATOR, Roles.AGENCY_ADMIN})
public class WebhookResource {

    private final Webhooks webhooks;
    private final SecretRotation rotation;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, SecretRotation rotation, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.rotation = rotation;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook for your agency's events",
            description = "The answer carries the signing secret, once. Event types: those of the event feed "
                    + "(GET /api/v1/events), as the AsyncAPI document lists them: the referral events "
                    + "(org.uputnica.referral.*.v1) and the case events of consents, transfers and record links "
                    + "(org.uputnica.case.consent-recorded.v1, consent-withdrawn, transferred, records-linked, "
                    + "records-unlinked). A webhook gets the events its agency's feed shows, no others. "
                    + "format: cloudevents (default) posts each event's CloudEvent JSON; fhir posts an FHIR R4 id-only "
                    + "notification Bundle naming Task/{referralId} (application/fhir+json) and takes referral events only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "ministry register",
                    value = "{\"url\": \"https://integracije.minrzs.gov.rs/uputnica/events\", "
                            + "\"eventTypes\": [\"org.uputnica.referral.sent.v1\", \"org.uputnica.referral.overdue.v1\"]}"),
            @ExampleObject(name = "health centre, FHIR notifications",
                    value = "{\"url\": \"https://his.dzkikinda.rs/fhir-notifications\", \"format\": \"fhir\", "
                            + "\"eventTypes\": [\"org.uputnica.referral.accepted.v1\", \"org.uputnica.referral.completed.v1\"]}")}))
    @APIResponse(responseCode = "201", description = "Registered; the body holds the secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "A bad URL (not absolute http(s), credentials in it, http where https is required), "
            + "event type (a fhir webhook takes referral events only) or format")
    @APIResponse(responseCode = "409", description = "Your agency has as many webhooks as allowed (webhook-limit-reached, 10 by default)")
    @APIResponse(responseCode = "422", description = "The URL's host does not resolve, or resolves to an address that is not public "
            + "(loopback, private, link-local, ...): webhook-address-not-allowed")
    public Response register(@Valid @NotNull WebhookInput input, @Context UriInfo uri) {
        WebhookView created = webhooks.register(caller.get(), input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "Your agency's webhooks", description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<WebhookView> list() {
        return webhooks.list(caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your agency's webhooks")
    @APIResponse(responseCode = "200", description = "The webhook, without its secret")
    @APIResponse(responseCode = "404", description = "No such webhook of your agency")
    public WebhookView get(@PathParam("id") UUID id) {
        return webhooks.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook", description = "What it still had pending is parked; its log stays readable.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook of your agency")
    public void remove(@PathParam("id") UUID id) {
        webhooks.remove(caller.get(), id);
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Operation(summary = "Issue a new signing secret; the old one keeps signing until retired",
            description = "The answer carries the new secret, once. Until DELETE .../previous-secret, every delivery's "
                    + "webhook-signature holds two signatures, \"v1,<new> v1,<old>\" (Standard Webhooks): switch the "
                    + "receiver to the new secret, then retire the old one.")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret")
    @APIResponse(responseCode = "404", description = "No such webhook of your agency")
    @APIResponse(responseCode = "409", description = "A rotation is under way: retire the previous secret first (secret-rotation-pending)")
    public WebhookView rotateSecret(@PathParam("id") UUID id) {
        return rotation.rotate(caller.get(), id);
    }

    @DELETE
    @Path("/{id}/previous-secret")
    @Operation(summary = "Retire the secret a rotation replaced", description = "Only the new secret signs from now on. "
            + "Answers 204 also when there is nothing to retire.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such webhook of your agency")
    public void retirePreviousSecret(@PathParam("id") UUID id) {
        rotation.retirePrevious(caller.get(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A webhook's delivery log", description = "Its newest 100 deliveries, each with every attempt and its status code.")
    @APIResponse(responseCode = "200", description = "Newest first")
    @APIResponse(responseCode = "400", description = "An unknown status")
    @APIResponse(responseCode = "404", description = "No such webhook of your agency")
    public List<DeliveryLogView> deliveries(@PathParam("id") UUID id,
                                            @Parameter(description = "Only deliveries in this status",
                                                    schema = @Schema(implementation = DeliveryStatus.class))
                                            @QueryParam("status") String status) {
        return webhooks.deliveries(caller.get(), id, parseStatus(status));
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Parked deliveries of your agency's webhooks",
            description = "Deliveries that failed for a day of retries (or whose webhook was removed), newest first, at most 100.")
    @APIResponse(responseCode = "200", description = "The parked deliveries with their logs")
    public List<DeliveryLogView> deadLetters() {
        return webhooks.deadLetters(caller.get());
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a parked delivery again",
            description = "It is due at once, with a fresh day of retries; the webhook-id stays the same.")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryLogView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of your agency")
    @APIResponse(responseCode = "409", description = "Not parked (not-parked), or its webhook was removed (webhook-removed)")
    public Response replay(@PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(webhooks.replay(caller.get(), deliveryId)).build();
    }

    private static DeliveryStatus parseStatus(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
