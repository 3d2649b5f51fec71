package org.uputnica.referrals.caseaccess;

import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The referral-service's own bearer token for its calls to the case-service: client credentials of the confidential
 * client referral-service (quarkus-oidc-client, refreshed before it expires), whose service account holds the realm
 * role case-lookup. The case-service answers its look-ups only to that role, the case's owner and the parties of an
 * open referral, so the caller's own token (a receiver forwarding, say) would not do, and staff of other agencies
 * cannot ask it directly.
 */
@ApplicationScoped
public class ServiceAccountToken implements ClientHeadersFactory {
    private final Tokens tokens;

    public ServiceAccountToken(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken());
        return headers;
    }
}
