package org.uputnica.identity;

import java.util.Set;

/**
 * The party behind a request: a user (or an integrator's service account) of exactly one agency.
 *
 * @param userId   the token's subject, stable across renames; what events and audit records name. For an agency's
 *                 integration (a service account) {@code integration:<client id>}, see {@link Integration}
 * @param username the login name, for logs and history shown to people (an integration's is its userId too)
 * @param agency   the agency alias (the Keycloak organisation alias), e.g. {@code csr-kikinda}
 * @param roles    realm roles such as {@code caseworker} or {@code coordinator}
 * @param workingGroups the working groups the caller coordinates (claim {@code working_groups}); empty for most
 */
public record Caller(String userId, String username, String agency, Set<String> roles, Set<String> workingGroups) {

    public Caller {
        roles = Set.copyOf(roles);
        workingGroups = Set.copyOf(workingGroups);
    }

    public Caller(String userId, String username, String agency, Set<String> roles) {
        this(userId, username, agency, roles, Set.of());
    }

    /** A coordinator of this working group (role and group membership both). */
    public boolean coordinates(String workingGroup) {
        return roles.contains(Roles.COORDINATOR) && workingGroups.contains(workingGroup);
    }

    /** An agency's system acting through its service account, not a person. */
    public boolean integration() {
        return Integration.isActor(userId);
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
