package org.uputnica.console.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers on every page: a Content-Security-Policy without inline script or style (htmx and the console's own
 * script are files served by the app), no framing, no referrer (ids in URLs stay here), and the CSRF cookie.
 */
public class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final ConsoleSession session;
    private final ConsoleConfig config;

    public SecurityHeaders(ConsoleSession session, ConsoleConfig config) {
        this.session = session;
        this.config = config;
    }

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Content-Security-Policy", CSP);
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        var cookie = session.issuedCsrfCookie(config.secureCookies());
        if (cookie != null) {
            h.add(HttpHeaders.SET_COOKIE, cookie.encode());
        }
    }
}
