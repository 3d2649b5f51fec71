package org.uputnica.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in user as the pages need it (name, agency, roles, working groups, language) and the request's CSRF
 * token. Read from the user's access token, the same token the console passes on to the services.
 */
@RequestScoped
@Named("session")
public class ConsoleSession {
    public static final String CSRF_COOKIE = "console-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private JsonNode claims;
    private Lang lang;
    private String csrf;
    private boolean csrfIssued;

    public ConsoleSession(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request.getCurrent().request();
    }

    /**
     * The language: the one chosen in the console (its cookie), else the locale of the user's Keycloak account (the
     * {@code locale} claim: the user attribute Keycloak keeps when the user picks a language on its login page), else
     * sr-Latn, the console's default whatever the browser's Accept-Language says (phones of field workers are often
     * set to English).
     */
    public Lang lang() {
        if (lang == null) {
            Cookie c = request.getCookie(Lang.COOKIE);
            lang = c == null ? null : Lang.of(c.getValue()).orElse(null);
            if (lang == null && signedIn()) {
                lang = Lang.of(claim("locale")).orElse(null);
            }
            if (lang == null) {
                lang = Lang.SR_LATN;
            }
        }
        return lang;
    }

    public Locale locale() {
        return lang().locale();
    }

    public String langTag() {
        return lang().tag;
    }

    /** The page's own path, for forms that come back to it (the language switch). */
    public String path() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }

    public List<Lang> languages() {
        return List.of(Lang.values());
    }

    public boolean signedIn() {
        try {
            return identity != null && !identity.isAnonymous();
        } catch (BlockingOperationNotAllowedException publicPageOnTheEventLoop) {
            // a public page rendered on the IO thread (an error page for a static file) does not resolve the user
            return false;
        }
    }

    public String username() {
        return claim("preferred_username");
    }

    public String agency() {
        JsonNode org = claims().path("organization");
        if (org.isArray() && org.size() == 1) {
            return org.get(0).asText();
        }
        if (org.isObject() && org.size() == 1) {
            return org.fieldNames().next();
        }
        return null;
    }

    public List<String> workingGroups() {
        List<String> groups = new ArrayList<>();
        claims().path("working_groups").forEach(g -> groups.add(g.asText().replaceFirst("^/", "")));
        return groups;
    }

    public boolean practitioner() {
        return hasRole("caseworker") || hasRole("supervisor");
    }

    public boolean coordinator() {
        return hasRole("coordinator");
    }

    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }

    /** The double-submit token: the same random value in an HttpOnly SameSite=Strict cookie and in each form. */
    public String csrfToken() {
        if (csrf == null) {
            Cookie c = request.getCookie(CSRF_COOKIE);
            if (c != null && c.getValue().length() >= 32) {
                csrf = c.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                csrfIssued = true;
            }
        }
        return csrf;
    }

    /** A cookie to set when this request made a new CSRF token. */
    Cookie issuedCsrfCookie(boolean secure) {
        if (!csrfIssued) {
            return null;
        }
        return Cookie.cookie(CSRF_COOKIE, csrf).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT);
    }

    private String claim(String name) {
        JsonNode v = claims().get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private JsonNode claims() {
        if (claims == null) {
            claims = JSON.createObjectNode();
            AccessTokenCredential token = signedIn() ? identity.getCredential(AccessTokenCredential.class) : null;
            if (token != null) {
                String[] parts = token.getToken().split("\\.");
                if (parts.length >= 2) {
                    try {
                        claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                    } catch (IOException | IllegalArgumentException e) {
                        // not a JWT: the pages show no name, the services decide on their own
                    }
                }
            }
        }
        return claims;
    }
}
