package org.uputnica.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An agency's integration acts for its agency as a caseworker does: a service-account token holding the realm role
 * {@code integrator} also holds {@code caseworker}, so every {@code @RolesAllowed} and every party rule treats it as
 * one of the agency's caseworkers. Nothing more: supervisor, coordinator or analyst rights come only from the realm
 * (roles given to the service-account user there). A person's token with the role gets nothing added.
 */
@ApplicationScoped
public class IntegratorRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withStaffRole(identity));
    }

    static SecurityIdentity withStaffRole(SecurityIdentity identity) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.INTEGRATOR) || identity.hasRole(Roles.CASEWORKER)
                || !(identity.getPrincipal() instanceof JsonWebToken token) || Integration.clientOf(token) == null) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addRole(Roles.CASEWORKER).build();
    }
}
