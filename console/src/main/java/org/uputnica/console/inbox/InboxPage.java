package org.uputnica.console.inbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.uputnica.console.notificationservice.NotificationService;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;

import java.util.UUID;

/** The inbox of the user's agency (and working groups), newest first; opening an item marks it read. */
@Path("/inbox")
public class InboxPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(NotificationService.InboxPage page, boolean unreadOnly);
    }

    private final NotificationService notifications;
    private final ConsoleSession session;

    public InboxPage(@RestClient NotificationService notifications, ConsoleSession session) {
        this.notifications = notifications;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("unread") String unread, @QueryParam("page") String page) {
        boolean only = "true".equals(unread);
        return Pages.localised(Templates.inbox(notifications.list(only ? Boolean.TRUE : null,
                Pages.pageNumber(page), 30), only), session);
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") UUID id, @org.jboss.resteasy.reactive.RestForm UUID referralId) {
        notifications.markRead(id);
        return Pages.seeOther(referralId == null ? "/inbox" : "/referrals/" + referralId);
    }
}
