package org.uputnica.identity;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tokens are an agency's integration, and what it may do: a caseworker's rights, never more. */
class IntegrationTest {

    record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("preferred_username");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    static final Token SERVICE_ACCOUNT = new Token(Map.of("preferred_username", "service-account-minrzs-integration",
            "azp", "minrzs-integration", "sub", "5b1c"));
    static final Token PERSON = new Token(Map.of("preferred_username", "ana.csr", "azp", "uputnica-cli", "sub", "9f2e"));

    @Test
    void aClientsServiceAccountIsItsIntegrationAndAPersonNever() {
        assertEquals("minrzs-integration", Integration.clientOf(SERVICE_ACCOUNT));
        assertNull(Integration.clientOf(PERSON));
        // a user who named themselves after another client's service account, logged in through uputnica-cli
        assertNull(Integration.clientOf(new Token(Map.of("preferred_username", "service-account-minrzs-integration",
                "azp", "uputnica-cli"))));
        assertEquals("minrzs-integration", Integration.clientOf(new Token(Map.of(
                "preferred_username", "service-account-minrzs-integration", "client_id", "minrzs-integration"))));
        assertEquals("integration:minrzs-integration", Integration.actor("minrzs-integration"));
        assertTrue(new Caller("integration:minrzs-integration", "integration:minrzs-integration", "minrzs",
                Set.of()).integration());
        assertFalse(new Caller("9f2e", "ana.csr", "csr-kikinda", Set.of()).integration());
    }

    @Test
    void anIntegratorsServiceAccountGetsACaseworkersRoleAndNothingElse() {
        var integrator = IntegratorRoles.withStaffRole(identity(SERVICE_ACCOUNT, Roles.INTEGRATOR));
        assertEquals(Set.of(Roles.INTEGRATOR, Roles.CASEWORKER), integrator.getRoles());
        // a person holding the role, and a service account without it, get nothing
        assertEquals(Set.of(Roles.INTEGRATOR), IntegratorRoles.withStaffRole(identity(PERSON, Roles.INTEGRATOR)).getRoles());
        assertEquals(Set.of(Roles.CASE_LOOKUP),
                IntegratorRoles.withStaffRole(identity(SERVICE_ACCOUNT, Roles.CASE_LOOKUP)).getRoles());
    }

    private static io.quarkus.security.identity.SecurityIdentity identity(Token token, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build();
    }
}
