package org.uputnica.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The three services' typed clients, sharing one way to get a token. The API classes (for example
 * {@code org.uputnica.client.referrals.api.ReferralsApi}) are generated at build time from the OpenAPI document each
 * service's build stores, so they always match the services of the same version.
 *
 * <pre>{@code
 * ClientCredentials token = new ClientCredentials(keycloakRealmUrl, "minrzs-integration", secret);
 * Uputnica uputnica = Uputnica.connect(URI.create("https://api.uputnica.example"), token);
 * ReferralView sent = new ReferralsApi(uputnica.referrals()).referralResourceCreate(newReferral, idempotencyKey);
 * }</pre>
 */
public final class Uputnica {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final org.uputnica.client.cases.ApiClient cases;
    private final org.uputnica.client.referrals.ApiClient referrals;
    private final org.uputnica.client.notifications.ApiClient notifications;

    private Uputnica(org.uputnica.client.cases.ApiClient cases, org.uputnica.client.referrals.ApiClient referrals,
                     org.uputnica.client.notifications.ApiClient notifications) {
        this.cases = cases;
        this.referrals = referrals;
        this.notifications = notifications;
    }

    /** One address for all three services (a gateway or ingress routing by path). */
    public static Uputnica connect(URI base, Supplier<String> accessToken) {
        return connect(base, base, base, accessToken);
    }

    /** Each service at its own address (as the local stack runs them: ports 8081, 8082 and 8083). */
    public static Uputnica connect(URI caseService, URI referralService, URI notificationService,
                                   Supplier<String> accessToken) {
        var cases = new org.uputnica.client.cases.ApiClient();
        cases.updateBaseUri(trim(caseService));
        cases.setReadTimeout(TIMEOUT);
        cases.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + accessToken.get()));
        var referrals = new org.uputnica.client.referrals.ApiClient();
        referrals.updateBaseUri(trim(referralService));
        referrals.setReadTimeout(TIMEOUT);
        referrals.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + accessToken.get()));
        var notifications = new org.uputnica.client.notifications.ApiClient();
        notifications.updateBaseUri(trim(notificationService));
        notifications.setReadTimeout(TIMEOUT);
        notifications.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + accessToken.get()));
        return new Uputnica(cases, referrals, notifications);
    }

    private static String trim(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** For the case-service's API classes, e.g. {@code new CasesApi(uputnica.cases())}. */
    public org.uputnica.client.cases.ApiClient cases() {
        return cases;
    }

    /** For the referral-service's API classes, e.g. {@code new ReferralsApi(uputnica.referrals())}. */
    public org.uputnica.client.referrals.ApiClient referrals() {
        return referrals;
    }

    /** For the notification-service's API classes, e.g. {@code new WebhooksApi(uputnica.notifications())}. */
    public org.uputnica.client.notifications.ApiClient notifications() {
        return notifications;
    }
}
