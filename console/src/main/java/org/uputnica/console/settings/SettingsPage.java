package org.uputnica.console.settings;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.uputnica.console.notificationservice.NotificationSettings;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Lang;
import org.uputnica.console.web.Pages;
import org.uputnica.console.web.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's notification settings (the notification-service's /notification-settings/me): the e-mail address and
 * its language, e-mail per notice kind (the inbox is always on; urgent kinds always come by e-mail), the digest.
 */
@Path("/settings")
public class SettingsPage {
    /** The notice kinds, in the order a caseworker meets them. */
    static final List<String> KINDS = List.of("REFERRAL_RECEIVED", "REFERRAL_SENT", "REFERRAL_ACKNOWLEDGED",
            "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "REFERRAL_IN_PROGRESS", "REFERRAL_ON_HOLD",
            "REFERRAL_COMPLETED", "REFERRAL_WITHDRAWN", "REFERRAL_FORWARDED", "REFERRAL_OVERDUE",
            "REFERRAL_ESCALATED", "REFERRAL_SHARING_REVOKED");
    /** Kinds that always come by e-mail too (the API refuses them switched off): left out, they get both. */
    static final List<String> ALWAYS = List.of("REFERRAL_OVERDUE", "REFERRAL_ESCALATED", "REFERRAL_SHARING_REVOKED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Settings s);
    }

    /** What the page shows: the preferences as they apply (or as typed, with the API's problem), and a notice. */
    public record Settings(String email, boolean emailVerified, String language, List<Kind> kinds, boolean digest,
                           boolean coordinator, List<Lang> languages, boolean saved, boolean confirmed,
                           boolean codeInvalid, String problemKey, Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }
    }

    public record Kind(String code, boolean email, boolean always) {
    }

    private final NotificationSettings settings;
    private final ConsoleSession session;

    public SettingsPage(@RestClient NotificationSettings settings, ConsoleSession session) {
        this.settings = settings;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved, @QueryParam("confirmed") String confirmed) {
        return page(settings.mine(), saved != null, confirmed != null, false);
    }

    /** The code the address received (the notification-service sends one whenever a new address is saved). */
    @POST
    @Path("/email-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirmEmail(@RestForm String code) {
        try {
            settings.confirmEmail(Map.of("code", code == null ? "" : code.strip()));
            return Pages.seeOther("/settings?confirmed=1");
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 409 && status != 400) {
                throw e;
            }
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(settings.mine(), false, false, true).render()).build();
        }
    }

    private TemplateInstance page(NotificationSettings.Preferences p, boolean saved, boolean confirmed,
                                  boolean codeInvalid) {
        List<Kind> kinds = KINDS.stream().map(k -> new Kind(k, p.byEmail(k) || p.always(k), p.always(k))).toList();
        return Pages.localised(Templates.settings(new Settings(p.email() == null ? "" : p.email(), p.emailVerified(),
                p.language(), kinds, p.digest(), session.coordinator(), List.of(Lang.values()), saved, confirmed,
                codeInvalid, null, Map.of())), session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@RestForm String email, @RestForm String language, @RestForm List<String> byEmail,
                         @RestForm String digest) {
        List<String> emailKinds = byEmail == null ? List.of() : byEmail;
        Map<String, Object> body = new HashMap<>();
        body.put("email", Pages.blankToNull(email));
        body.put("language", Lang.of(language).map(l -> l.tag).orElse(null));
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (String k : KINDS) {
            if (ALWAYS.contains(k)) {
                continue;
            }
            List<String> c = new ArrayList<>(List.of("INBOX"));
            if (emailKinds.contains(k)) {
                c.add("EMAIL");
            }
            channels.put(k, c);
        }
        body.put("channels", channels);
        body.put("digest", digest != null);
        try {
            settings.save(body);
            return Pages.seeOther("/settings?saved=1");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            Problem p = Problem.of(e);
            List<Kind> kinds = KINDS.stream().map(k -> new Kind(k, emailKinds.contains(k) || ALWAYS.contains(k),
                    ALWAYS.contains(k))).toList();
            Settings typed = new Settings(email == null ? "" : email, true, language, kinds, digest != null,
                    session.coordinator(), List.of(Lang.values()), false, false, false, p.key(), p.fields());
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.localised(Templates.settings(typed), session).render()).build();
        }
    }
}
