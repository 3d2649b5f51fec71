package org.uputnica.notifications.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Roles;
import org.uputnica.notifications.inbox.InboxItem;
import org.uputnica.notifications.routing.Notice;
import org.uputnica.notifications.routing.Recipient;
import org.uputnica.notifications.settings.SettingsConfig;
import org.uputnica.notifications.settings.UserPreference;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides who gets a notice by e-mail and queues one delivery per address, in the transaction that records the
 * event. Sending happens later ({@link EmailDispatcher}), so the mail server's health never holds up the consumer.
 * <p>
 * Addresses come from the agency's mailboxes and from the preferences of the people the notice is for (verified
 * addresses of users seen recently: {@link UserPreference#MAILABLE}): everyone in
 * the agency, the holders of the role, or the working group's coordinators. The person who made the change is not
 * mailed about it. Urgent protection notices (overdue, escalated, any notice about an EMERGENCY referral) ignore
 * everyone's choices of kinds.
 */
@ApplicationScoped
public class EmailPlanner {
    static final String EMERGENCY = "EMERGENCY";

    private record Address(String email, String language) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SettingsConfig settings;

    /** @return how many e-mails were queued (an address already queued for this event is not queued again) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(EventEnvelope event, Notice notice, InboxItem item) {
        List<Address> addresses = new ArrayList<>();
        boolean urgent = isUrgent(notice);
        if (!notice.recipient().isWorkingGroup()) {
            addresses.addAll(agencyMailboxes(notice, urgent));
        }
        addresses.addAll(people(notice, urgent));
        if (addresses.isEmpty()) {
            return 0;
        }
        em.flush(); // the deliveries reference the item, written through the session a moment ago
        OffsetDateTime now = OffsetDateTime.now(clock);
        int queued = 0;
        for (Address address : addresses) {
            queued += em.createNativeQuery("""
                            insert into email_delivery (id, event_id, inbox_item_id, address, language, status, attempts,
                                                        next_attempt_at, created_at)
                            values (:id, :event, :item, :address, :language, 'PENDING', 0, :now, :now)
                            on conflict do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("event", event.id())
                    .setParameter("item", item.id)
                    .setParameter("address", address.email())
                    .setParameter("language", address.language())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        return queued;
    }

    static boolean isUrgent(Notice notice) {
        return notice.kind().alwaysByEmail() || EMERGENCY.equals(notice.referral().urgency());
    }

    private List<Address> agencyMailboxes(Notice notice, boolean urgent) {
        Recipient to = notice.recipient();
        Query query = em.createNativeQuery("select email, language from agency_email_recipient where agency = :agency and "
                        + (to.role() == null ? "role is null" : "role = :role")
                        + (urgent ? "" : " and (kinds is null or :kind = any(kinds))"))
                .setParameter("agency", to.agency());
        if (to.role() != null) {
            query.setParameter("role", to.role());
        }
        if (!urgent) {
            query.setParameter("kind", notice.kind().name());
        }
        return addresses(query);
    }

    private List<Address> people(Notice notice, boolean urgent) {
        Recipient to = notice.recipient();
        StringBuilder sql = new StringBuilder("select email, language from user_preference where "
                + UserPreference.MAILABLE);
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[]{"seenSince", OffsetDateTime.now(clock).minus(settings.membershipValidFor())});
        if (to.isWorkingGroup()) {
            sql.append(" and :coordinator = any(roles) and :group = any(working_groups)");
            params.add(new Object[]{"coordinator", Roles.COORDINATOR});
            params.add(new Object[]{"group", to.workingGroup()});
        } else {
            sql.append(" and agency = :agency");
            params.add(new Object[]{"agency", to.agency()});
            if (to.role() != null) {
                sql.append(" and :role = any(roles)");
                params.add(new Object[]{"role", to.role()});
            }
        }
        if (!urgent) {
            sql.append(" and not (:kind = any(email_muted_kinds))");
            params.add(new Object[]{"kind", notice.kind().name()});
        }
        String actor = actorUser(notice.referral());
        if (actor != null) {
            // they know: they did it
            sql.append(" and user_id <> :actor");
            params.add(new Object[]{"actor", actor});
        }
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(p -> query.setParameter((String) p[0], p[1]));
        return addresses(query);
    }

    private static String actorUser(ReferralChanged referral) {
        return referral.actor() == null ? null : referral.actor().userId();
    }

    @SuppressWarnings("unchecked")
    private static List<Address> addresses(Query query) {
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Address((String) row[0], (String) row[1]))
                .toList();
    }
}
