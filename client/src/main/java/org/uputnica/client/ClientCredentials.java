package org.uputnica.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An agency integration's access token from Keycloak (OAuth 2.0 client credentials), kept until shortly before it
 * expires. Hand-written (about forty lines) so that the client needs nothing beyond the JDK and Jackson.
 */
public final class ClientCredentials implements Supplier<String> {
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final String form;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** @param realm the realm's address, e.g. {@code https://login.uputnica.example/realms/uputnica} */
    public ClientCredentials(URI realm, String clientId, String clientSecret) {
        this(realm, clientId, clientSecret, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    ClientCredentials(URI realm, String clientId, String clientSecret, HttpClient http, Clock clock) {
        this.tokenEndpoint = URI.create(realm.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the client credentials: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            token = answer.path("access_token").asText();
            renewAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(60)).minus(EARLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak cannot be reached at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
