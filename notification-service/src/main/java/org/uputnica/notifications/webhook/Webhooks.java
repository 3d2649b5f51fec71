package org.uputnica.notifications.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.notifications.delivery.DeliveryStatus;
import org.uputnica.notifications.feed.FeedAudience;
import org.uputnica.notifications.routing.NoticeRouting;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An agency's webhooks: registering and removing them, their delivery logs, the dead-letter store and replays.
 * Everything is scoped to the caller's agency; another agency's webhooks and deliveries are "not found".
 */
@ApplicationScoped
public class Webhooks {
    public static final String NOT_PARKED = ProblemType.of("not-parked");
    public static final String WEBHOOK_REMOVED = ProblemType.of("webhook-removed");
    public static final String ADDRESS_NOT_ALLOWED = ProblemType.of("webhook-address-not-allowed");
    public static final String LIMIT_REACHED = ProblemType.of("webhook-limit-reached");
    static final int LOG_LIMIT = 100;
    /** One text for a name that does not resolve and one that resolves inward: neither tells about the network. */
    static final String NOT_PUBLIC = "must resolve to public internet addresses only";

    private final Clock clock;
    private final WebhookConfig config;
    private final EndpointGuard guard;
    private final EntityManager em;
    private final WebhookSecrets secrets;

    public Webhooks(Clock clock, WebhookConfig config, EndpointGuard guard, EntityManager em, WebhookSecrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
        this.config = config;
        this.guard = guard;
        this.em = em;
    }

    /**
     * The event types a webhook may ask for: those that tell an agency something (the referral events of its inbox)
     * and the case events of its event feed; the same types the feed carries.
     */
    public static List<String> subscribableTypes() {
        return Arrays.stream(EventType.values()).filter(t -> NoticeRouting.routes(t) || FeedAudience.carries(t))
                .map(EventType::value).toList();
    }

    /** Validates, resolves the host (outside any transaction: DNS may be slow), then saves within the agency's cap. */
    public WebhookView register(Caller caller, WebhookInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = checkUrl(input.url().trim(), errors);
        WebhookFormat format = input.format() == null ? WebhookFormat.CLOUDEVENTS
                : WebhookFormat.of(input.format()).orElse(null);
        if (format == null) {
            errors.add(new Problem.FieldError("format", "must be one of " + WebhookFormat.names()));
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> allowed = format == WebhookFormat.FHIR ? fhirTypes() : subscribableTypes();
        for (int i = 0; i < input.eventTypes().size(); i++) {
            String type = input.eventTypes().get(i);
            if (allowed.contains(type)) {
                types.add(type);
            } else if (format == WebhookFormat.FHIR && subscribableTypes().contains(type)) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]",
                        "a fhir webhook receives referral events only (Task changes): one of " + allowed));
            } else {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "must be one of " + allowed));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
        }
        if (guard.check(URI.create(url)) != EndpointGuard.Verdict.ALLOWED) {
            throw new ProblemException(422, ADDRESS_NOT_ALLOWED, "Endpoint address not allowed", "url: " + NOT_PUBLIC,
                    List.of(new Problem.FieldError("url", NOT_PUBLIC)));
        }
        return QuarkusTransaction.requiringNew().call(() -> save(caller, url, types, input.description(), format));
    }

    /** The event types a {@code fhir} webhook may ask for: those about one referral, each a change of its Task. */
    public static List<String> fhirTypes() {
        return subscribableTypes().stream()
                .filter(t -> EventType.fromValue(t).map(EventType::aboutAReferral).orElse(false)).toList();
    }

    private WebhookView save(Caller caller, String url, Set<String> types, String description, WebhookFormat format) {
        // one registration of an agency at a time, so that two at once cannot both pass the cap
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "webhooks:" + caller.agency()).getSingleResult();
        long active = WebhookSubscription.count("agency = ?1 and removedAt is null", caller.agency());
        if (active >= config.maxPerAgency()) {
            throw ProblemException.conflict(LIMIT_REACHED, "your agency has " + active + " webhooks, the most allowed ("
                    + config.maxPerAgency() + "); remove one first");
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.agency = caller.agency();
        s.url = url;
        String secret = secrets.issue(s);
        s.eventTypes = types.toArray(String[]::new);
        s.description = description;
        s.format = format.value();
        s.createdBy = caller.userId();
        s.createdAt = OffsetDateTime.now(clock);
        s.persist();
        return WebhookView.of(s, secret);
    }

    @Transactional
    public List<WebhookView> list(Caller caller) {
        return WebhookSubscription.<WebhookSubscription>list("agency = ?1 and removedAt is null order by createdAt",
                caller.agency()).stream().map(s -> WebhookView.of(s, null)).toList();
    }

    @Transactional
    public WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(active(caller, id), null);
    }

    /** Removes a webhook; what it still had pending is parked, so the log says what never went out. */
    @Transactional
    public void remove(Caller caller, UUID id) {
        WebhookSubscription s = active(caller, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        s.removedAt = now;
        WebhookDelivery.update("status = ?1, parkedAt = ?2, nextAttemptAt = null, lastError = ?3 "
                        + "where subscriptionId = ?4 and status = ?5",
                DeliveryStatus.FAILED, now, "the webhook was removed", s.id, DeliveryStatus.PENDING);
    }

    /** The newest deliveries of a webhook (at most 100), optionally of one status, with their attempts. */
    @Transactional
    public List<DeliveryLogView> deliveries(Caller caller, UUID webhookId, DeliveryStatus status) {
        WebhookSubscription s = owned(caller, webhookId);
        List<WebhookDelivery> found = status == null
                ? WebhookDelivery.find("subscriptionId = ?1 order by createdAt desc, id", s.id).page(0, LOG_LIMIT).list()
                : WebhookDelivery.find("subscriptionId = ?1 and status = ?2 order by createdAt desc, id", s.id, status)
                        .page(0, LOG_LIMIT).list();
        return withAttempts(found);
    }

    /** The parked deliveries of all the agency's webhooks, newest first (at most 100). */
    @Transactional
    public List<DeliveryLogView> deadLetters(Caller caller) {
        List<WebhookDelivery> parked = WebhookDelivery.find("""
                        status = ?1 and subscriptionId in (select s.id from WebhookSubscription s where s.agency = ?2)
                        order by parkedAt desc, id""", DeliveryStatus.FAILED, caller.agency())
                .page(0, LOG_LIMIT).list();
        return withAttempts(parked);
    }

    /** Sends a parked delivery again, with a fresh day of retries; its id (the webhook-id) stays the same. */
    @Transactional
    public DeliveryLogView replay(Caller caller, UUID deliveryId) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
        if (s == null || !s.agency.equals(caller.agency())) {
            throw ProblemException.notFound("no webhook delivery " + deliveryId + " of your agency");
        }
        if (d.status != DeliveryStatus.FAILED) {
            throw ProblemException.conflict(NOT_PARKED, "only a parked delivery can be replayed; this one is " + d.status);
        }
        if (s.removedAt != null) {
            throw ProblemException.conflict(WEBHOOK_REMOVED, "its webhook was removed; register the endpoint again");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        d.status = DeliveryStatus.PENDING;
        d.windowAttempts = 0;
        d.retryFrom = now;
        d.nextAttemptAt = now;
        d.parkedAt = null;
        return withAttempts(List.of(d)).get(0);
    }

    static WebhookSubscription active(Caller caller, UUID id) {
        WebhookSubscription s = owned(caller, id);
        if (s.removedAt != null) {
            throw ProblemException.notFound("no webhook " + id + " of your agency");
        }
        return s;
    }

    /** A webhook of the caller's agency, removed or not. */
    static WebhookSubscription owned(Caller caller, UUID id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null || !s.agency.equals(caller.agency())) {
            throw ProblemException.notFound("no webhook " + id + " of your agency");
        }
        return s;
    }

    private static List<DeliveryLogView> withAttempts(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WebhookAttempt>> attempts = WebhookAttempt.<WebhookAttempt>list(
                        "deliveryId in ?1 order by attempt", deliveries.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return deliveries.stream().map(d -> DeliveryLogView.of(d, attempts.getOrDefault(d.id, List.of()))).toList();
    }

    private String checkUrl(String url, List<Problem.FieldError> errors) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                errors.add(new Problem.FieldError("url", "must be an absolute http(s) URL"));
            } else if (config.requireHttps() && !scheme.equals("https")) {
                errors.add(new Problem.FieldError("url", "must use https"));
            } else if (uri.getUserInfo() != null) {
                // it would be stored and shown with the webhook; authenticate by verifying the signature instead
                errors.add(new Problem.FieldError("url", "must not contain credentials"));
            }
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "is not a valid URL"));
        }
        return url;
    }
}
