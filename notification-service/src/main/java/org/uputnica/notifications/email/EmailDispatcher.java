package org.uputnica.notifications.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.uputnica.notifications.delivery.DeliveryStatus;
import org.uputnica.notifications.digest.DigestContent;
import org.uputnica.notifications.digest.DigestMail;
import org.uputnica.notifications.delivery.Failures;
import org.uputnica.notifications.delivery.RetrySchedule;
import org.uputnica.notifications.inbox.InboxItem;
import org.uputnica.notifications.language.Language;
import org.uputnica.notifications.routing.NoticeKind;
import org.uputnica.platform.jobs.Claim;
import org.uputnica.platform.jobs.JobClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the queued e-mails: notices, and coordinators' digests. Each run leases the due deliveries ({@link JobClaims}:
 * their next attempt moves a lease ahead) in one short transaction, then talks to the mail server outside any transaction: several
 * instances never send one e-mail twice at once, and a crashed instance's claims come due again when the lease ends.
 * A failure is retried with exponential back-off, and after the last retry the delivery is FAILED with its reason.
 */
@ApplicationScoped
public class EmailDispatcher {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    MailTexts texts;

    @Inject
    DigestContent digests;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    JobClaims claims;

    @ConfigProperty(name = "uputnica.email.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "uputnica.email.lease", defaultValue = "PT5M")
    Duration lease;

    @ConfigProperty(name = "uputnica.email.retry.first-delay", defaultValue = "PT1M")
    Duration firstDelay;

    @ConfigProperty(name = "uputnica.email.retry.max-delay", defaultValue = "PT30M")
    Duration maxDelay;

    @ConfigProperty(name = "uputnica.email.retry.give-up-after", defaultValue = "PT6H")
    Duration giveUpAfter;

    @ConfigProperty(name = "uputnica.console.url", defaultValue = "http://localhost:8084")
    String consoleUrl;

    private record Prepared(UUID id, String address, MailTexts.Text text) {
    }

    @Scheduled(identity = "email-dispatcher", every = "${uputnica.email.poll-interval:2s}",
            delayed = "${uputnica.email.initial-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (UUID id : claimDue()) {
            send(id);
        }
    }

    /** Due deliveries; the lease moves {@code next_attempt_at} ahead, so a leased row is not due until it ends. */
    static final Claim DUE = Claim.on("email_delivery")
            .due("status = 'PENDING' and next_attempt_at <= :now")
            .orderedBy("next_attempt_at")
            .leasing("next_attempt_at");

    List<UUID> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> claims.lease(DUE, batchSize, now.plus(lease), Map.of("now", now)));
    }

    private void send(UUID id) {
        Prepared mail;
        try {
            mail = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot render e-mail delivery %s", id);
            recordFailure(id, "cannot render the message: " + Failures.describe(e));
            return;
        }
        try {
            mailer.send(Mail.withText(mail.address(), mail.text().subject(), mail.text().body()));
        } catch (RuntimeException e) {
            LOG.warnf("e-mail delivery %s failed: %s", id, Failures.describe(e));
            recordFailure(id, Failures.describe(e));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            EmailDelivery d = EmailDelivery.findById(id);
            d.status = DeliveryStatus.SENT;
            d.attempts++;
            d.sentAt = OffsetDateTime.now(clock);
            d.nextAttemptAt = null;
            d.lastError = null;
        });
        metrics.counter("uputnica.notifications.delivered", "channel", "email", "outcome", "sent").increment();
    }

    private Prepared prepare(UUID id) {
        EmailDelivery d = EmailDelivery.findById(id);
        Language language = Language.fromTag(d.language).orElse(Language.DEFAULT);
        if (d.inboxItemId == null) {
            DigestMail digest = digests.of(d.workingGroup, d.digestDay);
            return new Prepared(id, d.address, texts.render("digest", language, Map.of("digest", digest)));
        }
        InboxItem item = InboxItem.findById(d.inboxItemId);
        NoticeMail mail = new NoticeMail(item.kind, NoticeMail.reference(item.referralId),
                consoleUrl + "/referrals/" + item.referralId, EmailPlanner.EMERGENCY.equals(item.urgency),
                item.eventTime, waitingHours(item));
        return new Prepared(id, d.address, texts.render("notice", language, Map.of("mail", mail)));
    }

    /** Since the referral was sent, for notices about a referral that waits for an answer; -1 otherwise or unknown. */
    private long waitingHours(InboxItem item) {
        if (item.kind != NoticeKind.REFERRAL_OVERDUE && item.kind != NoticeKind.REFERRAL_ESCALATED) {
            return -1;
        }
        OffsetDateTime sent = (OffsetDateTime) em.createQuery("""
                        select min(i.eventTime) from InboxItem i
                        where i.referralId = :referral and i.kind in (:sent, :received)""")
                .setParameter("referral", item.referralId)
                .setParameter("sent", NoticeKind.REFERRAL_SENT)
                .setParameter("received", NoticeKind.REFERRAL_RECEIVED)
                .getSingleResult();
        return sent == null ? -1 : Math.max(0, Duration.between(sent, item.eventTime).toHours());
    }

    private void recordFailure(UUID id, String reason) {
        RetrySchedule schedule = new RetrySchedule(firstDelay, maxDelay, giveUpAfter);
        DeliveryStatus outcome = QuarkusTransaction.requiringNew().call(() -> {
            EmailDelivery d = EmailDelivery.findById(id);
            d.attempts++;
            d.lastError = reason;
            Optional<OffsetDateTime> next = schedule.nextAttempt(d.attempts, d.createdAt, OffsetDateTime.now(clock));
            d.status = next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            d.nextAttemptAt = next.orElse(null);
            return d.status;
        });
        metrics.counter("uputnica.notifications.delivered", "channel", "email",
                "outcome", outcome == DeliveryStatus.FAILED ? "failed" : "retry").increment();
    }
}
