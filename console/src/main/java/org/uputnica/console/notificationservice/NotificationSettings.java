package org.uputnica.console.notificationservice;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The signed-in user's own notification preferences in the notification-service, with the user's access token. */
@RegisterRestClient(configKey = "notifications")
@AccessToken
@Path("/api/v1/notification-settings/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotificationSettings {

    @GET
    Preferences mine();

    /** Replaces them as a whole (absent fields take their defaults). */
    @PUT
    Preferences save(Map<String, Object> body);

    /** Confirms the address with the code it received: 409 email-code-invalid when wrong or expired. */
    @POST
    @Path("/email-verification")
    Preferences confirmEmail(Map<String, Object> body);

    record Preferences(boolean registered, String email, boolean emailVerified, String language, Map<String, List<String>> channels,
                       List<String> alwaysByEmail, boolean digest) {
        public boolean byEmail(String kind) {
            return channels != null && channels.getOrDefault(kind, List.of()).contains("EMAIL");
        }

        public boolean always(String kind) {
            return alwaysByEmail != null && alwaysByEmail.contains(kind);
        }
    }
}
