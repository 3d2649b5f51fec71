package org.uputnica.console.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * CSRF protection for every form (double-submit: the form's {@code csrf} field must equal the HttpOnly,
 * SameSite=Strict cookie). quarkus-rest-csrf does not resolve at 3.34.2 here, so the console checks it itself.
 * Every state-changing request of the console is a form POST; one without the token is refused with 403.
 */
public class CsrfCheck {
    public static final String FIELD = "csrf";

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        Cookie cookie = request.getCookies().get(ConsoleSession.CSRF_COOKIE);
        String sent = null;
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object value = context.getFormParameter(FIELD, true, false);
            sent = value == null ? null : value.toString();
        }
        if (cookie == null || sent == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleError(403);
        }
    }
}
