package org.uputnica.identity;

import java.util.Set;

/**
 * The party behind a request: a user (or an integrator's service account) of exactly one agency.
 *
 * @param userId   the token's subject, stable across renames; what events and audit records name
 * @param username the login name, for logs and history shown to people
 * @param agency   the agency alias (the Keycloak organisation alias), e.g. {@code csr-kikinda}
 * @param roles    realm roles such as {@code caseworker} or {@code coordinator}
 */
public record Caller(String userId, String username, String agency, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
