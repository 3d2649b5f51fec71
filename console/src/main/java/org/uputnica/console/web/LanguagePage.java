package org.uputnica.console.web;

import io.vertx.core.http.CookieSameSite;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Duration;

/** Switches the language; a year-long cookie remembers it for this browser. */
@Path("/language")
public class LanguagePage {
    private final ConsoleConfig config;

    public LanguagePage(ConsoleConfig config) {
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String back) {
        Lang chosen = Lang.of(lang).orElseThrow(() -> new ConsoleError(404));
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        io.vertx.core.http.Cookie cookie = io.vertx.core.http.Cookie.cookie(Lang.COOKIE, chosen.tag).setPath("/")
                .setHttpOnly(true).setSecure(config.secureCookies()).setSameSite(CookieSameSite.LAX)
                .setMaxAge(Duration.ofDays(365).toSeconds());
        return Response.seeOther(URI.create(target)).header(HttpHeaders.SET_COOKIE, cookie.encode()).build();
    }
}
