package org.uputnica.console.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.ConnectException;

/**
 * When Keycloak cannot be reached, sign-in fails before any page runs; the user gets a 503 page in the four
 * languages (the language is not known yet) instead of the server's plain "500 Internal Server Error".
 */
@ApplicationScoped
public class KeycloakDown {
    static final String PAGE = """
            <!DOCTYPE html><html lang="sr-Latn"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Uputnica: 503</title>
            <link rel="stylesheet" href="/static/console.css"></head><body><main id="main">
            <h1>Prijava trenutno nije moguća</h1><p>Pokušajte ponovo za nekoliko minuta.</p>
            <p lang="sr-Cyrl">Пријава тренутно није могућа. Покушајте поново за неколико минута.</p>
            <p lang="bs">Prijava trenutno nije moguća. Pokušajte ponovo za nekoliko minuta.</p>
            <p lang="en">Sign-in is not possible right now. Try again in a few minutes.</p>
            </main></body></html>
            """;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().headWritten() || !keycloakUnreachable(ctx.failure())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(503).putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Retry-After", "60").putHeader("Content-Security-Policy", SecurityHeaders.CSP)
                .end(PAGE);
    }

    static boolean keycloakUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || (t.getClass().getName().endsWith("OIDCException") && String.valueOf(t.getMessage())
                    .contains("not available"))) {
                return true;
            }
        }
        return false;
    }
}
