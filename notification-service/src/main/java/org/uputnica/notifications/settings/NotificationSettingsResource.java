package org.uputnica.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification settings", description = "Who gets notices by e-mail: your own preferences, and your agency's mailboxes")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationSettingsResource {
    /** Keycloak's claim with the user's locale (the realm's locales are the four languages). */
    static final String LOCALE_CLAIM = "locale";

    @Inject
    NotificationSettings settings;

    @Inject
    EmailVerification verification;

    @Inject
    CurrentCaller caller;

    @Inject
    JsonWebToken token;

    /**
     * The person whose preferences these are. An agency's integration acts as a caseworker but has no notices of its
     * own to set: its agency's webhooks tell its system.
     */
    private Caller person() {
        Caller me = caller.get();
        if (me.integration()) {
            throw ProblemException.forbidden(ProblemType.FORBIDDEN,
                    "an integration has no personal notices; its agency's webhooks (/api/v1/webhooks) tell its system");
        }
        return me;
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN})
    @Operation(summary = "Your notification preferences",
            description = "Until you save any, the defaults: no e-mail, the language of your account, every kind on both channels.")
    @APIResponse(responseCode = "200", description = "Your preferences as they apply")
    public PreferenceView mine() {
        settings.refresh(person());
        return settings.mine(person(), token.getClaim(LOCALE_CLAIM));
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN})
    @Operation(summary = "Save your notification preferences",
            description = "Replaces them as a whole. Also records your agency, roles and working groups from your token: "
                    + "e-mails follow them, refreshed whenever you use this service (the console does on every page), "
                    + "and stop when you have not for uputnica.settings.membership-valid-for (30 days). A new address "
                    + "gets a code by e-mail and nothing else until you enter it (`emailVerified`; "
                    + "POST /me/email-verification); saving again sends a new code. REFERRAL_OVERDUE, REFERRAL_ESCALATED and "
                    + "REFERRAL_SHARING_REVOKED cannot be switched off, and notices about EMERGENCY referrals always "
                    + "come by e-mail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Cyrillic, no e-mail for own referrals",
            value = "{\"email\": \"jelena.coordinator@csr-kikinda.uputnica.test\", \"language\": \"sr-Cyrl\", "
                    + "\"channels\": {\"REFERRAL_SENT\": [\"INBOX\"]}}")))
    @APIResponse(responseCode = "200", description = "Saved; your preferences as they apply")
    @APIResponse(responseCode = "400", description = "A bad address, language, kind or channel, or an urgent kind switched off")
    public PreferenceView saveMine(@Valid @NotNull PreferenceInput input) {
        PreferenceView saved = settings.saveMine(person(), input, token.getClaim(LOCALE_CLAIM));
        if (saved.email() != null && !saved.emailVerified()) {
            verification.sendCode(person().userId());
        }
        return saved;
    }

    /** The code sent to a new address. */
    public record VerificationInput(@NotNull @jakarta.validation.constraints.Size(max = 50) String code) {
    }

    @POST
    @Path("/me/email-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN})
    @Operation(summary = "Confirm your e-mail address",
            description = "With the code the address received when you saved it. From then on it gets your notices.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "code",
            value = "{\"code\": \"K7QM2XH9PA\"}")))
    @APIResponse(responseCode = "200", description = "Confirmed (also when it already was); your preferences")
    @APIResponse(responseCode = "409", description = "Wrong or expired code, or no address: email-code-invalid")
    public PreferenceView confirmEmail(@Valid @NotNull VerificationInput input) {
        verification.confirm(person().userId(), input.code());
        return settings.mine(person(), token.getClaim(LOCALE_CLAIM));
    }

    @DELETE
    @Path("/me")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.COORDINATOR, Roles.AGENCY_ADMIN})
    @Operation(summary = "Forget your notification preferences", description = "You get no more e-mail; the inbox stays.")
    @APIResponse(responseCode = "204", description = "Forgotten (also when there were none)")
    public void forgetMine() {
        settings.forgetMine(person());
    }

    @POST
    @Path("/recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Register a mailbox of your agency",
            description = "It receives your agency's notices by e-mail (or, with a role, the notices for that role).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "duty desk",
            value = "{\"email\": \"uputnice@udruzenje-rod.uputnica.test\", \"language\": \"sr-Latn\", \"kinds\": [\"REFERRAL_RECEIVED\"]}")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecipientView.class)))
    @APIResponse(responseCode = "400", description = "A bad address, language, role or kind")
    @APIResponse(responseCode = "409", description = "The address is already registered for your agency (and role): recipient-exists")
    public Response addRecipient(@Valid @NotNull RecipientInput input, @Context UriInfo uri) {
        RecipientView created = settings.addRecipient(caller.get(), input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/recipients")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Your agency's mailboxes")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<RecipientView> recipients() {
        return settings.recipients(caller.get());
    }

    @DELETE
    @Path("/recipients/{id}")
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Remove a mailbox of your agency")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such mailbox in your agency")
    public void removeRecipient(@PathParam("id") UUID id) {
        settings.removeRecipient(caller.get(), id);
    }
}
