package org.uputnica.notifications.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.uputnica.notifications.email.NoticeMail;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A working group's day, from the inbox items its referrals made: a referral counts once per category however many
 * agencies were told of it. The day runs from midnight to midnight in the service's time zone.
 */
@ApplicationScoped
public class DigestContent {
    /** More would not be read in an e-mail; the console lists them all. */
    static final int MAX_REFERENCES = 20;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "uputnica.notifications.time-zone", defaultValue = "Europe/Belgrade")
    ZoneId zone;

    @ConfigProperty(name = "uputnica.console.url", defaultValue = "http://localhost:8084")
    String consoleUrl;

    @Transactional
    public DigestMail of(String workingGroup, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        long created = count(workingGroup, from, to, NoticeKind.REFERRAL_RECEIVED);
        long overdue = count(workingGroup, from, to, NoticeKind.REFERRAL_OVERDUE);
        long escalated = count(workingGroup, from, to, NoticeKind.REFERRAL_ESCALATED);
        @SuppressWarnings("unchecked")
        List<Object[]> attention = em.createQuery("""
                        select i.referralId, max(case when i.kind = :escalated then 1 else 0 end), min(i.eventTime)
                        from InboxItem i
                        where i.workingGroup = :group and i.eventTime >= :from and i.eventTime < :to
                          and i.kind in (:overdue, :escalated)
                        group by i.referralId order by min(i.eventTime), i.referralId""")
                .setParameter("group", workingGroup)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("overdue", NoticeKind.REFERRAL_OVERDUE)
                .setParameter("escalated", NoticeKind.REFERRAL_ESCALATED)
                .setMaxResults(MAX_REFERENCES)
                .getResultList();
        List<DigestMail.Reference> references = attention.stream()
                .map(r -> new DigestMail.Reference(NoticeMail.reference((UUID) r[0]), consoleUrl + "/referrals/" + r[0],
                        ((Number) r[1]).intValue() == 1))
                .toList();
        return new DigestMail(workingGroup, day, created, overdue, escalated, references);
    }

    private long count(String workingGroup, OffsetDateTime from, OffsetDateTime to, NoticeKind kind) {
        return (Long) em.createQuery("""
                        select count(distinct i.referralId) from InboxItem i
                        where i.workingGroup = :group and i.kind = :kind and i.eventTime >= :from and i.eventTime < :to""")
                .setParameter("group", workingGroup)
                .setParameter("kind", kind)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
