package org.uputnica.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Problem+json for the 4xx that the HTTP layer (Vert.x Web and Quarkus) answers before any resource runs, which
 * otherwise come with an empty body or Quarkus's own JSON: a request the router refuses (an HTTP/1.1 request without
 * a Host header, 400; a request target that is not a path such as {@code *}, 404), and a body whose declared
 * Content-Length is over {@code quarkus.http.limits.max-body-size}, or a JSON body over
 * {@code uputnica.http.max-json-body-size} (413, answered here just before Quarkus's own check would answer it bare,
 * and before the body is read).
 *
 * <p>Still bare, because they never reach a router: a request line or headers over the limits (414, 431) and a
 * request the HTTP codec cannot parse (400), refused in Vert.x's codec (Quarkus 3.34 exposes no hook there,
 * quarkus#55082); a URI that {@code java.net.URI} cannot parse, such as a broken percent-encoding (400 from
 * Quarkus's own check before routing); and a chunked body that grows over the limit while it is read (413 from
 * Quarkus's body reader).
 */
@ApplicationScoped
public class HttpLayerProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    @Inject
    org.uputnica.platform.input.BodyLimits bodyLimits;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversizeBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::problemForBareClientError);
    }

    private void refuseDeclaredOversizeBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = org.uputnica.platform.input.BodyLimits.isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
                ? Math.min(bodyLimits.maxJsonBodySize().asLongValue(), maxBodySize.asLongValue()) : maxBodySize.asLongValue();
        if (length != null && isOver(length, limit)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().endHandler(v -> ctx.request().connection().close());
            write(ctx.response(), new Problem(ProblemType.REQUEST_TOO_LARGE, "Request too large", 413,
                    "the body may be at most " + limit + " bytes", ctx.request().path(), List.of()));
            return;
        }
        ctx.next();
    }

    /** A failure of the router with a 4xx status (a status alone, or with a Vert.x exception naming it). */
    private void problemForBareClientError(RoutingContext ctx) {
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().headWritten()) {
            ctx.next(); // not a client error: Quarkus's error handling (and ProblemMappers) answer it
            return;
        }
        String type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 413 -> ProblemType.REQUEST_TOO_LARGE;
            default -> ProblemType.of("http-" + status);
        };
        String detail = status == 400 ? "the request line or its headers are not valid HTTP for this server" : null;
        write(ctx.response(), new Problem(type, HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail,
                null, List.of()));
    }

    private void write(HttpServerResponse response, Problem problem) {
        try {
            response.setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(problem.status()).end();
        }
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Quarkus's own check and the codec deal with a length that is not a number
        }
    }
}
