package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorization headers the services must refuse with 401 (and one, a real token without an agency, with 403).
 * Each is built properly: real tokens of the realm altered so that their signature no longer holds, tokens signed
 * with a key the services do not trust (an expired one, one of another issuer), real Keycloak tokens that are not
 * access tokens for the API (an ID token, whose audience is the CLI client; a refresh token; a service account's
 * token without the {@code uputnica-api} audience), and the classic JWT attacks (alg none, HS256 keyed with the
 * realm's public key).
 *
 * <p>An expired token with a <em>valid</em> signature would need a client with a short token lifespan in the realm
 * or an admin account in the test Keycloak; neither exists, and the realm is shared with the local stack, so the
 * expired token here is signed with an untrusted key: it proves a stale token is refused, not which check refuses it.
 */
final class BadTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** Label to the value of the Authorization header; a null value means no header at all. */
    final Map<String, String> unauthenticated = new LinkedHashMap<>();

    BadTokens() {
        String keycloak = KeycloakServer.sharedForTests();
        String issuer = KeycloakServer.issuer(keycloak);
        String real = Tokens.of("ana.csr");
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) read(parts[0]);
        ObjectNode claims = (ObjectNode) read(parts[1]);
        JsonNode login = passwordGrant(issuer, "ana.csr");
        JsonNode realmKey = signingKey(issuer);
        RsaJsonWebKey untrusted = generateKey();
        long now = Instant.now().getEpochSecond();

        unauthenticated.put("none", null);
        unauthenticated.put("empty bearer", "Bearer ");
        unauthenticated.put("basic credentials of a demo user", "Basic " + Base64.getEncoder()
                .encodeToString("ana.csr:demo".getBytes(StandardCharsets.UTF_8)));
        unauthenticated.put("not a JWT", "Bearer not-a-token");
        unauthenticated.put("three junk parts", "Bearer abc.def.ghi");
        unauthenticated.put("junk of 12 KB", "Bearer " + "A".repeat(12_000));
        unauthenticated.put("two tokens", "Bearer " + real + " Bearer " + real);
        unauthenticated.put("token without scheme", real);

        ObjectNode forged = claims.deepCopy();
        forged.set("organization", JSON.createArrayNode().add("udruzenje-rod"));
        ((ArrayNode) forged.withArray("/realm_access/roles")).add("supervisor").add("agency-admin");
        unauthenticated.put("forged claims, original signature", "Bearer " + parts[0] + "." + encode(forged) + "." + parts[2]);
        unauthenticated.put("signature removed", "Bearer " + parts[0] + "." + parts[1] + ".");
        unauthenticated.put("signature of another token", "Bearer " + parts[0] + "." + parts[1] + "."
                + login.path("id_token").asText().split("\\.")[2]);
        ObjectNode none = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        unauthenticated.put("alg none", "Bearer " + encode(none) + "." + parts[1] + ".");

        unauthenticated.put("HS256 keyed with the realm's public key", "Bearer "
                + hs256(claims, Base64.getDecoder().decode(realmKey.path("x5c").get(0).asText()), realmKey.path("kid").asText()));
        unauthenticated.put("signed by an untrusted key with the realm's kid", "Bearer "
                + rs256(claims, untrusted, header.path("kid").asText()));
        ObjectNode expired = claims.deepCopy();
        expired.put("iat", now - 7200).put("exp", now - 3600);
        if (expired.has("auth_time")) {
            expired.put("auth_time", now - 7200);
        }
        unauthenticated.put("expired an hour ago", "Bearer " + rs256(expired, untrusted, header.path("kid").asText()));
        ObjectNode otherIssuer = claims.deepCopy();
        otherIssuer.put("iss", "http://localhost:1/realms/uputnica");
        unauthenticated.put("another issuer", "Bearer " + rs256(otherIssuer, untrusted, "another-issuer-key"));
        ObjectNode future = claims.deepCopy();
        future.put("nbf", now + 3600).put("iat", now + 3600).put("exp", now + 7200);
        unauthenticated.put("not valid before an hour from now", "Bearer " + rs256(future, untrusted, header.path("kid").asText()));

        unauthenticated.put("ID token (audience uputnica-cli)", "Bearer " + login.path("id_token").asText());
        unauthenticated.put("refresh token", "Bearer " + login.path("refresh_token").asText());
        unauthenticated.put("service account token without the API audience", "Bearer "
                + Tokens.clientCredentials(keycloak, "case-service", "case-service-secret"));
    }

    /** A real, valid token of a user who belongs to no agency (fetched anew when the last one nears its expiry). */
    String noAgency() {
        return "Bearer " + Tokens.of("test.noagency");
    }

    private static JsonNode passwordGrant(String issuer, String username) {
        String form = "grant_type=password&client_id=uputnica-cli&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + Tokens.DEMO_PASSWORD;
        return post(issuer + "/protocol/openid-connect/token", form);
    }

    private static JsonNode signingKey(String issuer) {
        JsonNode keys = get(issuer + "/protocol/openid-connect/certs").path("keys");
        for (JsonNode key : keys) {
            if ("RS256".equals(key.path("alg").asText()) && "sig".equals(key.path("use").asText())) {
                return key;
            }
        }
        throw new IllegalStateException("the realm publishes no RS256 signing key");
    }

    private static RsaJsonWebKey generateKey() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JsonNode claims, RsaJsonWebKey key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toString());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        return serialize(jws);
    }

    private static String hs256(JsonNode claims, byte[] secret, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toString());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(secret));
        jws.setKeyIdHeaderValue(kid);
        return serialize(jws);
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String part) {
        try {
            return JSON.readTree(B64D.decode(part));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private static JsonNode post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
