package org.uputnica.platform.ratelimit;

import io.quarkus.arc.ArcInvocationContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.uputnica.platform.problem.ProblemException;

import java.util.OptionalLong;

/**
 * Applies {@link RateLimited}. It runs before {@code @Transactional} (a refused request opens no transaction) and,
 * being a CDI interceptor of the resource method, after authentication and {@code @RolesAllowed}: an unauthenticated
 * or forbidden request is refused as such and does not use up anyone's budget.
 */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RateLimitInterceptor {
    private final RateLimits limits;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    @jakarta.inject.Inject
    public RateLimitInterceptor(RateLimits limits, SecurityIdentity identity, CurrentVertxRequest request) {
        this.limits = limits;
        this.identity = identity;
        this.request = request;
    }

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited limited = ArcInvocationContext.findIterceptorBinding(context, RateLimited.class);
        if (limited == null) {
            limited = context.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        OptionalLong retryAfter = limits.tryAcquire(limited.value(),
                limited.by() == RateLimited.By.ADDRESS ? address() : caller());
        if (retryAfter.isPresent()) {
            throw ProblemException.rateLimited("too many requests of this kind ('" + limited.value()
                    + "'); retry after " + retryAfter.getAsLong() + " s", retryAfter.getAsLong());
        }
        return context.proceed();
    }

    /** The token's subject; for a request without a token, the client's address. */
    private String caller() {
        if (!identity.isAnonymous()) {
            if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                return "sub:" + token.getSubject();
            }
            return "name:" + identity.getPrincipal().getName();
        }
        return address();
    }

    /**
     * The client's address as Vert.x reports it: the peer, or, where quarkus.http.proxy.proxy-address-forwarding is on
     * and the peer is a trusted proxy, the address the proxy forwarded (X-Forwarded-For / Forwarded).
     */
    private String address() {
        var current = request.getCurrent();
        return current == null || current.request().remoteAddress() == null ? "address:unknown"
                : "address:" + current.request().remoteAddress().host();
    }
}
