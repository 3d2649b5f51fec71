package org.uputnica.e2e.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.client.ClientCredentials;
import org.uputnica.client.Uputnica;
import org.uputnica.client.WebhookVerifier;
import org.uputnica.client.cases.api.CasesApi;
import org.uputnica.client.cases.api.ConsentApi;
import org.uputnica.client.cases.model.CaseCategory;
import org.uputnica.client.cases.model.CaseView;
import org.uputnica.client.cases.model.ConsentInput;
import org.uputnica.client.cases.model.GivenBy;
import org.uputnica.client.cases.model.Method;
import org.uputnica.client.cases.model.NewCase;
import org.uputnica.client.cases.model.PersonInput;
import org.uputnica.client.cases.model.Sex;
import org.uputnica.client.notifications.api.EventFeedApi;
import org.uputnica.client.notifications.api.WebhooksApi;
import org.uputnica.client.notifications.model.FeedEntry;
import org.uputnica.client.notifications.model.FeedPage;
import org.uputnica.client.notifications.model.WebhookInput;
import org.uputnica.client.notifications.model.WebhookView;
import org.uputnica.client.referrals.ApiException;
import org.uputnica.client.referrals.api.ReferralsApi;
import org.uputnica.client.referrals.model.Basis;
import org.uputnica.client.referrals.model.NewReferral;
import org.uputnica.client.referrals.model.ReferralStatus;
import org.uputnica.client.referrals.model.ReferralView;
import org.uputnica.client.referrals.model.ServiceType;
import org.uputnica.client.referrals.model.SharedData;
import org.uputnica.client.referrals.model.Sharing;
import org.uputnica.client.referrals.model.Urgency;
import org.uputnica.e2e.TheSystem;
import org.uputnica.infra.KeycloakServer;
import org.uputnica.infra.Tokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/integrators.md, steps 1 to 4, with the generated Java client against the real servers: the ministry's system
 * (client credentials of minrzs-integration) opens a case, records the consent and sends a referral with an
 * Idempotency-Key (a retry gives the same referral, another body under the key 422); the centre for social work
 * accepts it; the ministry learns of it from its event feed and from a webhook whose signature WebhookVerifier checks.
 */
class ClientLibraryIT {
    record Delivery(String id, String timestamp, String signature, String body) {
    }

    static TheSystem system;
    static Uputnica ministry;
    static Uputnica csr;
    static HttpServer receiver;
    static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        system = TheSystem.get();
        URI realm = URI.create(KeycloakServer.sharedForTests() + "/realms/" + KeycloakServer.REALM);
        ministry = Uputnica.connect(URI.create(system.caseServiceUrl()), URI.create(system.referralServiceUrl()),
                URI.create(system.notificationServiceUrl()),
                new ClientCredentials(realm, "minrzs-integration", "minrzs-integration-secret"));
        csr = Uputnica.connect(URI.create(system.caseServiceUrl()), URI.create(system.referralServiceUrl()),
                URI.create(system.notificationServiceUrl()), () -> Tokens.of("ana.csr"));
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                var h = exchange.getRequestHeaders();
                deliveries.add(new Delivery(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aMinistrySystemSendsOnceAndFollowsTheReferral() throws Exception {
        // a webhook for the answers, with its secret shown once
        WebhookView hook = new WebhooksApi(ministry.notifications()).webhookResourceRegister(new WebhookInput()
                .url("http://localhost:" + receiver.getAddress().getPort() + "/hooks")
                .eventTypes(List.of("org.uputnica.referral.accepted.v1")).description("ClientLibraryIT"));
        WebhookVerifier verifier = new WebhookVerifier(hook.getSecret());
        String feedStart = new EventFeedApi(ministry.notifications())
                .eventFeedResourceRead(null, 1000, java.time.OffsetDateTime.now().minusMinutes(1)).getNext();

        // the case and the consent
        CaseView opened = new CasesApi(ministry.cases()).caseResourceOpen(new NewCase().person(new PersonInput()
                .givenName("Adnan").familyName("Mehmedović").dateOfBirth(LocalDate.of(2012, 4, 2)).sex(Sex.MALE))
                .category(CaseCategory.RETURNEE), UUID.randomUUID().toString());
        UUID consentId = new ConsentApi(ministry.cases()).consentResourceRecord(opened.getId(), new ConsentInput()
                .givenBy(GivenBy.PARENT).giverName("Emina Mehmedović").purpose("Psychosocial support")
                .toAgency("csr-kikinda").data(Set.of(org.uputnica.client.cases.model.SharedData.IDENTITY))
                .validFrom(LocalDate.now()).method(Method.SIGNED_FORM), UUID.randomUUID().toString()).getId();

        // sent once, whatever the retries
        ReferralsApi referrals = new ReferralsApi(ministry.referrals());
        String key = UUID.randomUUID().toString();
        NewReferral referral = new NewReferral().caseId(opened.getId()).toAgency("csr-kikinda")
                .service(ServiceType.PSYCHOSOCIAL_SUPPORT).urgency(Urgency.URGENT)
                .reason("Returned under readmission; needs support at school")
                .sharing(new Sharing().basis(Basis.CONSENT).consentId(consentId).data(Set.of(SharedData.IDENTITY)));
        ReferralView sent = referrals.referralResourceCreate(referral, key);
        ReferralView retried = referrals.referralResourceCreate(referral, key);
        assertEquals(sent.getId(), retried.getId(), "a retry with the key is the same referral");
        assertEquals(ReferralStatus.SENT, sent.getStatus());
        ApiException reused = assertThrows(ApiException.class,
                () -> referrals.referralResourceCreate(referral.reason("Another reason"), key));
        assertEquals(422, reused.getCode());
        assertTrue(reused.getResponseBody().contains("idempotency-key-reused"), reused.getResponseBody());

        // the centre for social work accepts
        ReferralView accepted = new ReferralsApi(csr.referrals()).referralResourceAccept(sent.getId(), null, null);
        assertEquals(ReferralStatus.ACCEPTED, accepted.getStatus());
        assertEquals(ReferralStatus.ACCEPTED, referrals.referralResourceRead(sent.getId()).getStatus());

        // the feed has it, in order after the sending
        await("the acceptance in the ministry's feed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    FeedPage page = new EventFeedApi(ministry.notifications()).eventFeedResourceRead(feedStart, 1000, null);
                    List<String> types = page.getEvents().stream().map(FeedEntry::getEvent)
                            .filter(e -> String.valueOf(e.getData()).contains(sent.getId().toString()))
                            .map(e -> e.getType()).toList();
                    int sentAt = types.indexOf("org.uputnica.referral.sent.v1");
                    return sentAt >= 0 && sentAt < types.indexOf("org.uputnica.referral.accepted.v1");
                });

        // the webhook delivered it, signed
        await("the signed webhook delivery").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> deliveries.stream().anyMatch(d -> d.body().contains(sent.getId().toString())));
        Delivery delivery = deliveries.stream().filter(d -> d.body().contains(sent.getId().toString())).findFirst()
                .orElseThrow();
        assertTrue(verifier.verify(delivery.id(), delivery.timestamp(), delivery.signature(), delivery.body()));
        assertTrue(!verifier.verify(delivery.id(), delivery.timestamp(), delivery.signature(),
                delivery.body().replace("accepted", "declined")), "a changed body is refused");
    }
}
