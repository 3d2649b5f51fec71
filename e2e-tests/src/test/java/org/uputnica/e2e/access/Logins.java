package org.uputnica.e2e.access;

import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.time.Instant;

/** Real tokens: the demo users' password grant, and the ministry integration's client credentials. */
final class Logins {
    static final String INTEGRATION_CLIENT = "minrzs-integration";
    private static final String INTEGRATION_SECRET = "minrzs-integration-secret";

    private static String integrationToken;
    private static Instant integrationTokenUntil = Instant.MIN;

    private Logins() {
    }

    /** Who asks for every organisation they belong to (scope organization:*), so that the token names them all. */
    static final String TWO_AGENCIES = "test.twoagencies";

    /** A demo user's token, or the integration's for {@link #INTEGRATION_CLIENT}. */
    static synchronized String token(String login) {
        if (TWO_AGENCIES.equals(login)) {
            return Tokens.of(KeycloakServer.sharedForTests(), login, "openid organization:*");
        }
        if (!INTEGRATION_CLIENT.equals(login)) {
            return Tokens.of(login);
        }
        if (Instant.now().isAfter(integrationTokenUntil)) {
            integrationToken = Tokens.clientCredentials(KeycloakServer.sharedForTests(), INTEGRATION_CLIENT,
                    INTEGRATION_SECRET);
            integrationTokenUntil = Instant.now().plusSeconds(300); // tokens last 15 minutes
        }
        return integrationToken;
    }
}
