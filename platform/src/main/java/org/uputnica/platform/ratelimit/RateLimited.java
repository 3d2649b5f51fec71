package org.uputnica.platform.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one caller may call a resource method: the limit named here is configured as
 * {@code uputnica.rate-limit.<name>.requests} per {@code uputnica.rate-limit.<name>.period}. Over it, the answer is
 * 429 {@code rate-limited} with {@code Retry-After}. The caller is the token's subject, or the client address when
 * there is no token ({@link By#ADDRESS}: always the address, for public endpoints that ignore tokens). Checked after
 * authentication and role checks, before a transaction begins.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
    /** The limit's name in configuration, e.g. {@code statistics}. Methods may share a name, and so a budget. */
    @Nonbinding
    String value();

    /** Who has a budget of their own. */
    @Nonbinding
    By by() default By.CALLER;

    enum By {
        /** The token's subject; the client address for a request without a token. */
        CALLER,
        /** The client address, token or not (behind a proxy: see quarkus.http.proxy.* in docs/hsds.md). */
        ADDRESS
    }
}
