package org.uputnica.notifications.inbox;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Caller;
import org.uputnica.notifications.routing.Notice;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The agencies' inboxes: delivering notices into them and reading them. An item addressed to an agency
 * (no recipient user) is shared by all its users, so one user's read marks it read for the whole agency.
 */
@ApplicationScoped
public class InboxItems {
    private static final Logger LOG = Logger.getLogger(InboxItems.class);

    /** What a caller may see: the agency's shared items and items addressed to the caller personally. */
    private static final String VISIBLE = "recipientAgency = :agency and (recipientUser is null or recipientUser = :user)";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Puts a notice into its agency's inbox, in the transaction that remembers the event as processed. The
     * unique (event_id, recipient_agency) is a second guard: should the processed-event memory ever be lost, a
     * replayed event is skipped here instead of showing up twice.
     *
     * @return false when the item was already there
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(EventEnvelope event, Notice notice) {
        if (InboxItem.count("eventId = ?1 and recipientAgency = ?2", event.id(), notice.recipientAgency()) > 0) {
            return false;
        }
        ReferralChanged r = notice.referral();
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.recipientAgency = notice.recipientAgency();
        item.kind = notice.kind();
        item.referralId = r.referralId();
        item.caseId = r.caseId();
        item.urgency = r.urgency();
        item.service = r.service();
        item.status = r.status();
        item.reasonCode = r.reasonCode();
        item.eventId = event.id();
        item.eventType = event.type();
        item.eventTime = event.time();
        item.createdAt = OffsetDateTime.now(clock);
        item.persist();
        LOG.debugf("inbox item %s (%s, referral %s) for %s from event %s", item.id, item.kind, item.referralId,
                item.recipientAgency, item.eventId);
        return true;
    }

    @Transactional
    public InboxPage list(Caller caller, InboxQuery query) {
        StringBuilder where = new StringBuilder(VISIBLE);
        Parameters params = visibleTo(caller);
        if (query.unread() != null) {
            where.append(query.unread() ? " and readAt is null" : " and readAt is not null");
        }
        if (query.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", query.kind());
        }
        if (query.referralId() != null) {
            where.append(" and referralId = :referralId");
            params.and("referralId", query.referralId());
        }
        // id breaks ties between items created in the same microsecond, so pages never overlap
        PanacheQuery<InboxItem> found = InboxItem.find(where.toString(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        List<InboxItemView> items = found.page(Page.of(query.page(), query.size())).stream()
                .map(InboxItemView::of)
                .toList();
        return new InboxPage(items, query.page(), query.size(), total);
    }

    @Transactional
    public InboxCount count(Caller caller) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where read_at is null), count(*) from inbox_item
                        where recipient_agency = :agency and (recipient_user is null or recipient_user = :user)""")
                .setParameter("agency", caller.agency())
                .setParameter("user", caller.userId())
                .getSingleResult();
        return new InboxCount(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Marks an item read. The first reader is kept: marking it again changes nothing. An item of another agency
     * is "not found", so nobody learns which items other agencies have.
     */
    @Transactional
    public void markRead(Caller caller, UUID id) {
        int marked = InboxItem.update("readAt = :now, readBy = :reader where id = :id and readAt is null and " + VISIBLE,
                visibleTo(caller).and("id", id).and("now", OffsetDateTime.now(clock)).and("reader", caller.userId()));
        if (marked == 0 && InboxItem.count("id = :id and " + VISIBLE, visibleTo(caller).and("id", id)) == 0) {
            throw ProblemException.notFound("no inbox item " + id + " for your agency");
        }
    }

    private static Parameters visibleTo(Caller caller) {
        return Parameters.with("agency", caller.agency()).and("user", caller.userId());
    }
}
