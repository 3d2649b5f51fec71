package org.uputnica.identity;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An agency's own system, calling with its Keycloak service account (client credentials). Its token has no person
 * behind it: Keycloak names the subject {@code service-account-<client id>}. What it does is recorded as done by
 * {@code integration:<client id>} ({@link #actor}), so history and audit rows name the client, not a user.
 */
public final class Integration {
    /** The actor of everything an integration does: this prefix and its client id. */
    public static final String ACTOR_PREFIX = "integration:";
    /** Keycloak's user name of a client's service account: this prefix and the client id, in lower case. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private Integration() {
    }

    /**
     * The client id when the token is a client's service account's (client-credentials grant), else null. The
     * client is the token's {@code azp} (or {@code client_id}); the user name must be that client's service account,
     * so a person's token obtained through some client is never taken for the client itself.
     */
    public static String clientOf(JsonWebToken token) {
        String username = string(token.getClaim("preferred_username"));
        String client = string(token.getClaim("azp"));
        if (client == null) {
            client = string(token.getClaim("client_id"));
        }
        if (client == null || username == null) {
            return null;
        }
        return username.equalsIgnoreCase(SERVICE_ACCOUNT_PREFIX + client) ? client : null;
    }

    /** How history, audit rows and events name what the client did: {@code integration:minrzs-integration}. */
    public static String actor(String clientId) {
        return ACTOR_PREFIX + clientId;
    }

    public static boolean isActor(String userId) {
        return userId != null && userId.startsWith(ACTOR_PREFIX);
    }

    private static String string(Object claim) {
        if (claim == null) {
            return null;
        }
        String s = claim instanceof jakarta.json.JsonString js ? js.getString() : String.valueOf(claim);
        return s.isBlank() ? null : s;
    }
}
