package org.uputnica.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the real Keycloak, for tests: the password grant of the demo users via uputnica-cli. */
public final class Tokens {
    public static final String DEMO_PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** An access token of a demo user of the shared test Keycloak. */
    public static String of(String username) {
        return of(TestServers.containers() ? TestServers.provider().keycloakBaseUrl() : KeycloakServer.sharedForTests(), username);
    }

    public static String of(String keycloakBaseUrl, String username) {
        return of(keycloakBaseUrl, username, "openid");
    }

    /** A demo user's token with the given scope, e.g. {@code "openid organization:*"} for every organisation. */
    public static String of(String keycloakBaseUrl, String username, String scope) {
        String key = keycloakBaseUrl + "|" + username + "|" + scope;
        Cached cached = CACHE.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        JsonNode body = request(keycloakBaseUrl, Map.of("grant_type", "password", "client_id", "uputnica-cli",
                "username", username, "password", DEMO_PASSWORD, "scope", scope));
        String token = body.get("access_token").asText();
        CACHE.put(key, new Cached(token, Instant.now().plusSeconds(Math.max(10, body.get("expires_in").asLong() - 30))));
        return token;
    }

    /** A client-credentials token of a confidential client (an integrator's service account). */
    public static String clientCredentials(String keycloakBaseUrl, String clientId, String secret) {
        return request(keycloakBaseUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).get("access_token").asText();
    }

    private static JsonNode request(String keycloakBaseUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakServer.issuer(keycloakBaseUrl)
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
