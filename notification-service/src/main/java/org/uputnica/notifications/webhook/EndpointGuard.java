package org.uputnica.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a webhook's host and applies {@link PublicAddresses}: when a webhook is registered, and again before
 * every attempt, because a name may point elsewhere later (DNS rebinding). The JVM caches a resolved name for 30 s,
 * so the connection that follows the check uses the addresses checked.
 */
@ApplicationScoped
public class EndpointGuard {
    public enum Verdict { ALLOWED, REFUSED, UNRESOLVED }

    private final PublicAddresses rule;

    public EndpointGuard(WebhookConfig config) {
        this.rule = new PublicAddresses(config.allowedHosts().orElse(List.of()));
    }

    /** Blocking: it may ask DNS. */
    public Verdict check(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Verdict.REFUSED;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(PublicAddresses.bare(host));
        } catch (UnknownHostException | SecurityException e) {
            return Verdict.UNRESOLVED;
        }
        return rule.allows(host, addresses) ? Verdict.ALLOWED : Verdict.REFUSED;
    }
}
