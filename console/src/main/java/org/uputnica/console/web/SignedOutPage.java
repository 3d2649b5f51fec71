package org.uputnica.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where logout ends, after Keycloak closed the session. */
@Path("/signed-out")
public class SignedOutPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    private final ConsoleSession session;

    public SignedOutPage(ConsoleSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return Pages.localised(Templates.signedOut(), session);
    }
}
