package org.uputnica.notifications.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.uputnica.identity.Roles;
import org.uputnica.notifications.settings.UserPreference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every morning, queues yesterday's digest for each coordinator who has an address and wants it, one per working
 * group she coordinates and only for a day with something in it. The e-mails go out through the e-mail scheduler.
 * Planning a day twice, or on two instances at once, queues nothing new: the digest's event id is its group and day.
 */
@ApplicationScoped
public class DigestPlanner {
    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);

    @Inject
    EntityManager em;

    @Inject
    DigestContent content;

    @Inject
    Clock clock;

    @Inject
    org.uputnica.notifications.settings.SettingsConfig settings;

    @ConfigProperty(name = "uputnica.notifications.time-zone", defaultValue = "Europe/Belgrade")
    ZoneId zone;

    /** A coordinator's address for one of her working groups. */
    private record Coordinator(String email, String language, String workingGroup) {
    }

    @Scheduled(identity = "coordinator-digest", cron = "${uputnica.digest.cron:0 0 7 * * ?}",
            timeZone = "${uputnica.notifications.time-zone:Europe/Belgrade}")
    void planYesterday() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
        int queued = plan(yesterday);
        LOG.infof("queued %d digests for %s", queued, yesterday);
    }

    /** @return how many digests were queued for the day (none again for a day already planned) */
    public int plan(LocalDate day) {
        int queued = 0;
        Map<String, Boolean> eventful = new HashMap<>();
        for (Coordinator coordinator : coordinators()) {
            if (eventful.computeIfAbsent(coordinator.workingGroup(), group -> !content.of(group, day).isEmpty())) {
                queued += queue(coordinator, day);
            }
        }
        return queued;
    }

    private List<Coordinator> coordinators() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select email, language, unnest(working_groups) from user_preference
                            where digest and :coordinator = any(roles)""" + " and " + UserPreference.MAILABLE)
                    .setParameter("coordinator", Roles.COORDINATOR)
                    .setParameter("seenSince", OffsetDateTime.now(clock).minus(settings.membershipValidFor()))
                    .getResultList();
            return rows.stream().map(r -> new Coordinator((String) r[0], (String) r[1], (String) r[2])).toList();
        });
    }

    private int queue(Coordinator coordinator, LocalDate day) {
        String group = coordinator.workingGroup();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        insert into email_delivery (id, event_id, address, language, status, attempts, next_attempt_at,
                                                    created_at, working_group, digest_day)
                        values (:id, :event, :address, :language, 'PENDING', 0, :now, :now, :group, :day)
                        on conflict do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("event", "digest:" + group + ":" + day)
                .setParameter("address", coordinator.email())
                .setParameter("language", coordinator.language())
                .setParameter("now", now)
                .setParameter("group", group)
                .setParameter("day", day)
                .executeUpdate());
    }
}
