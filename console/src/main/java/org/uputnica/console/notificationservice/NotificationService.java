package org.uputnica.console.notificationservice;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The notification-service's inbox, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "notifications")
@AccessToken
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotificationService {

    @GET
    InboxPage list(@QueryParam("unread") Boolean unread, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/{id}/read")
    void markRead(@PathParam("id") UUID id);

    record InboxItem(UUID id, String kind, UUID referralId, String urgency, String service, String status,
                     String reasonCode, OffsetDateTime eventTime, boolean read, String actorAgency, String fromAgency,
                     String toAgency) {
    }

    record InboxPage(List<InboxItem> items, int page, int size, long total) {
    }
}
