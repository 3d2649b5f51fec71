package org.uputnica.platform.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer under {@code /api/} may hold personal data, errors included: no cache (a browser's, a proxy's) may
 * keep it ({@code Cache-Control: no-store}), and no browser may guess another media type than the one declared
 * ({@code X-Content-Type-Options: nosniff}). Set as the headers are written, so whatever answers (a resource, a
 * problem mapper, the HTTP layer) gets them.
 */
@ApplicationScoped
public class PrivateAnswers {
    static final String API = "/api/";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::mark);
    }

    private void mark(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && path.startsWith(API)) {
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("Cache-Control", "no-store")
                    .set("X-Content-Type-Options", "nosniff"));
        }
        ctx.next();
    }
}
