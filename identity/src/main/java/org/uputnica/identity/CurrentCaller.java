package org.uputnica.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, resolved from the verified bearer token: inject this and call {@link #get()}.
 * Tokens are verified locally against Keycloak's keys by quarkus-oidc; nothing here calls Keycloak.
 */
@RequestScoped
public class CurrentCaller {
    /** The working groups a coordinator coordinates: Keycloak group names under /working-groups/. */
    public static final String WORKING_GROUPS_CLAIM = "working_groups";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            String username = token.getClaim("preferred_username");
            String userId = token.getSubject();
            String client = Integration.clientOf(token);
            if (client != null) { // an integration: its actions are the client's, not a service-account user's
                userId = Integration.actor(client);
                username = userId;
            }
            caller = new Caller(userId, username == null ? userId : username,
                    AgencyClaim.single(token.getClaim(AgencyClaim.NAME)), identity.getRoles(),
                    new java.util.LinkedHashSet<>(AgencyClaim.aliases(token.getClaim(WORKING_GROUPS_CLAIM))));
        }
        return caller;
    }

    public String agency() {
        return get().agency();
    }
}
