package org.uputnica.referrals.referral;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.http.IfMatch;
import org.uputnica.platform.idempotency.Idempotency;
import org.uputnica.platform.http.QueryParams;
import org.uputnica.referrals.audit.ReferralAccess;
import org.uputnica.referrals.referral.ActOnReferral.Details;

import java.util.List;
import java.util.UUID;

/**
 * The closed-loop referral. Every action answers 403 for a caller who is not the party it belongs to, 409 from a
 * status it cannot start from, and 412 when If-Match names a stale version; each returns the referral with its ETag.
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR})
public class ReferralResource {

    @Inject
    ReferralWorkflow workflow;

    @Inject
    SendReferral sending;

    @Inject
    ActOnReferral actions;

    @Inject
    ReferralQueries queries;

    @Inject
    ReferralSearch search;

    @Inject
    CurrentCaller caller;

    @Inject
    ReferralAccess access;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(summary = "Refer a case to another agency",
            description = "Only the agency that owns the case may refer it. Sent at once (status SENT) unless "
                    + "`draft` is true; sending needs `sharing`: the person's consent or a legal basis (the latter "
                    + "only by a supervisor). A `consentId` names the case-service's consent record, which must be "
                    + "of this case, name the receiving agency or its kind, be valid today, cover every kind in "
                    + "`data` and not be withdrawn; a `consentReference` alone is refused (consent-record-required). "
                    + "`kind` TRANSFER asks the receiver to take over the case: only a supervisor sends it, sharing "
                    + "every kind of data, and it cannot be forwarded. **The free-text `reason` always reaches the "
                    + "receiver** (and the working group's coordinator), whatever `sharing.data` says: write in it "
                    + "only what the sharing basis allows the receiver to know.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "psychosocial support with consent", value = """
            {"caseId": "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10", "toAgency": "udruzenje-rod",
             "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT", "reason": "Needs support after placement",
             "sharing": {"basis": "CONSENT", "consentId": "0c5d2f7a-3b8e-4f61-9a2d-7e4b1c9f0a21",
                         "data": ["IDENTITY", "LANGUAGE"]}}""")))
    @APIResponse(responseCode = "201", description = "Sent (or saved as a draft); a retry with the same "
            + "Idempotency-Key and body gets the first answer again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, unknown agency or case")
    @APIResponse(responseCode = "403", description = "Your agency does not own the case, or a legal basis or a "
            + "transfer sent by a caller who is not a supervisor (supervisor-approval-required)")
    @APIResponse(responseCode = "409", description = "No consent or legal basis for sharing (no-sharing-basis), a "
            + "consent without its record (consent-record-required), a transfer not sharing every kind of data "
            + "(transfer-needs-whole-file), or the consent record named by sharing.consentId does not allow this "
            + "sending (consent-not-valid)")
    @APIResponse(responseCode = "503", description = "The case-service could not confirm the case's owner or the "
            + "consent (only for those the referral-service has not heard of yet)")
    public Response create(@NotNull @Valid ReferralInput.NewReferral body,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Caller me = caller.get();
        return sending.create(me, body,
                idempotency.request(idempotencyKey, me.agency(), me.userId(), "POST", uri.getPath(), body),
                created -> withETag(Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()),
                        created));
    }

    @GET
    @Operation(summary = "Referrals of your agency (INCOMING, OUTGOING) or of the working groups you coordinate "
            + "(COORDINATED), newest first unless `sort` says otherwise",
            description = "Filters combine: status, urgency, service, the period it was sent in (`sentFrom` and "
                    + "`sentTo`, whole UTC days, both included) and `overdue` (true: a deadline passed and is "
                    + "still unmet; false: none is). `sort` is NEWEST (default), OLDEST, SENT (by sending time, "
                    + "newest first), URGENCY (most urgent first) or STATUS.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    @APIResponse(responseCode = "400", description = "A bad parameter, named")
    public ReferralView.Page list(
            @Parameter(description = "INCOMING (default), OUTGOING or COORDINATED") @QueryParam("direction") String direction,
            @Parameter(description = "a status to filter by") @QueryParam("status") String status,
            @Parameter(description = "an urgency to filter by (EMERGENCY, URGENT, ROUTINE)") @QueryParam("urgency")
            String urgency,
            @Parameter(description = "a service type to filter by") @QueryParam("service") String service,
            @Parameter(description = "sent on or after this day, YYYY-MM-DD") @QueryParam("sentFrom") String sentFrom,
            @Parameter(description = "sent on or before this day, YYYY-MM-DD") @QueryParam("sentTo") String sentTo,
            @Parameter(description = "true: only late ones; false: none late") @QueryParam("overdue") String overdue,
            @Parameter(description = "NEWEST (default), OLDEST, SENT, URGENCY or STATUS") @QueryParam("sort")
            String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ReferralView.Page result = search.list(caller.get(),
                QueryParams.enumValue("direction", direction, ReferralWorkflow.Direction.class,
                        ReferralWorkflow.Direction.INCOMING),
                ReferralSearch.Criteria.parse(status, urgency, service, sentFrom, sentTo, overdue, sort),
                QueryParams.intValue("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.intValue("size", size, 50, 1, 200));
        access.record(caller.get(), ReferralAccess.Action.LIST, result.items().stream().map(ReferralView::id).toList());
        return result;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A referral, for its parties only", description = "The ETag is its version. Once the "
            + "consent it shares data under is withdrawn (`sharing.revokedAt`), only the sender still sees the "
            + "reason, consent reference and legal basis; the others get them as null and `withheld` true.")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "403", description = "Your agency is not a party of this referral")
    public Response read(@PathParam("id") UUID id) {
        ReferralView view = ReferralView.of(queries.find(caller.get(), id), caller.get());
        access.record(caller.get(), ReferralAccess.Action.READ, List.of(id));
        return withETag(Response.ok(), view);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the referral: who, which agency, when, from, to, why")
    public List<ReferralView.HistoryEntry> history(@PathParam("id") UUID id) {
        List<ReferralView.HistoryEntry> history = queries.history(caller.get(), id);
        access.record(caller.get(), ReferralAccess.Action.HISTORY, List.of(id));
        return history;
    }

    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sender: send a draft (give `sharing` if the draft has none)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response send(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @RequestBody(required = false) @Valid ReferralInput.Send body) {
        return act(id, ReferralAction.SEND, ifMatch,
                new Details(null, null, null, null, body == null ? null : body.sharing()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD) // a bare POST without a body or Content-Type is the usual call
    @Operation(summary = "Receiver: the referral has been seen")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.ACKNOWLEDGE, ifMatch, Details.none());
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Receiver: accept, with an optional note for the sender",
            description = "A POST without a JSON body, of any Content-Type, accepts without a note (the usual call "
                    + "from scripts). For one candidate of a multi-agency request the first accept wins (409 "
                    + "already-taken after).")
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralInput.Note.class)),
            @Content(mediaType = MediaType.WILDCARD)})
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid ReferralInput.Note body) {
        return act(id, ReferralAction.ACCEPT, ifMatch, Details.note(body == null ? null : body.note()));
    }

    /**
     * The same accept as a bare POST without a JSON body. It takes every other media type (and answers JSON whatever
     * the Accept header says, which RFC 9110 allows), so the OpenAPI lists a wildcard body for accept.
     */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response acceptWithoutNote(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.ACCEPT, ifMatch, Details.none());
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "Receiver: decline, with a coded reason and a note")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "no capacity", value = """
            {"reasonCode": "NO_CAPACITY", "reason": "All shelter places taken until next month"}""")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid ReferralInput.Decline body) {
        return act(id, ReferralAction.DECLINE, ifMatch,
                new Details(body.reasonCode(), body.reason().strip(), null, null, null));
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receiver: work has started (first contact made)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.START, ifMatch, Details.none());
    }

    @POST
    @Path("/{id}/hold")
    @Operation(summary = "Receiver: put on hold, with the reason")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response hold(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid ReferralInput.Reason body) {
        return act(id, ReferralAction.HOLD, ifMatch, Details.note(body.reason().strip()));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Receiver: completed, with the outcome and a note back to the sender")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "provided", value = """
            {"outcome": "PROVIDED", "note": "Six counselling sessions; school enrolment arranged"}""")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid ReferralInput.Complete body) {
        return act(id, ReferralAction.COMPLETE, ifMatch, new Details(null, body.note(), body.outcome(), null, null));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Sender (or the working group's coordinator): withdraw, with the reason")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid ReferralInput.Reason body) {
        return act(id, ReferralAction.WITHDRAW, ifMatch, Details.note(body.reason().strip()));
    }

    @POST
    @Path("/{id}/forward")
    @Operation(summary = "Receiver (or coordinator): re-route to another agency",
            description = "This referral becomes FORWARDED and a new one, from the same sender, goes to the new "
                    + "agency; each names the other (forwardedTo, forwardedFrom), and the sender is told. A transfer "
                    + "cannot be forwarded (409 transfer-not-forwardable).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response forward(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid ReferralInput.Forward body) {
        return act(id, ReferralAction.FORWARD, ifMatch,
                new Details(null, body.reason().strip(), null, body.toAgency(), null));
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Coordinator: take up an unanswered referral (deadlines do this by themselves)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response escalate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ReferralAction.ESCALATE, ifMatch, Details.none());
    }

    private Response act(UUID id, ReferralAction action, String ifMatch, Details details) {
        return withETag(Response.ok(), actions.act(caller.get(), id, action, IfMatch.version(ifMatch), details));
    }

    static Response withETag(Response.ResponseBuilder builder, ReferralView view) {
        return builder.tag(IfMatch.etag(view.version())).entity(view).build();
    }
}
