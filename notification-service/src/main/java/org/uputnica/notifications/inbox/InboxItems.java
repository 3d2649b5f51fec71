package org.uputnica.notifications.inbox;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Caller;
import org.uputnica.notifications.routing.Notice;
import org.uputnica.notifications.routing.Recipient;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The inboxes: delivering notices into them and reading them. An item is shared by everyone it is addressed to
 * (an agency, a role in it, a working group's coordinators), so one reader marks it read for all of them.
 */
@ApplicationScoped
public class InboxItems {
    private static final Logger LOG = Logger.getLogger(InboxItems.class);

    @Inject
    Clock clock;

    /**
     * Puts a notice into its recipient's inbox, in the transaction that remembers the event as processed. The
     * unique (event_id, recipient_key) is a second guard: should the processed-event memory ever be lost, a
     * replayed event is skipped here instead of showing up twice.
     *
     * @return the new item; empty when it was already there
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<InboxItem> deliver(EventEnvelope event, Notice notice) {
        Recipient to = notice.recipient();
        if (InboxItem.count("eventId = ?1 and recipientKey = ?2", event.id(), to.key()) > 0) {
            return Optional.empty();
        }
        ReferralChanged r = notice.referral();
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.recipientAgency = to.agency();
        item.recipientRole = to.role();
        item.recipientUser = to.user();
        item.recipientWorkingGroup = to.workingGroup();
        item.recipientKey = to.key();
        item.kind = notice.kind();
        item.referralId = r.referralId();
        item.caseId = r.caseId();
        item.urgency = r.urgency();
        item.service = r.service();
        item.status = r.status();
        item.previousStatus = r.previousStatus();
        item.reasonCode = r.reasonCode();
        item.actorAgency = r.actor() == null ? null : r.actor().agency();
        item.fromAgency = r.fromAgency();
        item.toAgency = r.toAgency();
        item.referralKind = r.kind();
        item.outcome = r.outcome();
        item.deadline = r.deadline();
        item.groupId = r.groupId();
        item.relatedReferralId = r.relatedReferralId();
        item.workingGroup = r.workingGroup();
        item.eventId = event.id();
        item.eventType = event.type();
        item.eventTime = event.time();
        item.createdAt = OffsetDateTime.now(clock);
        item.persist();
        LOG.debugf("inbox item %s (%s, referral %s) for %s from event %s", item.id, item.kind, item.referralId,
                item.recipientKey, item.eventId);
        return Optional.of(item);
    }

    @Transactional
    public InboxPage list(Caller caller, InboxQuery query) {
        InboxVisibility visible = InboxVisibility.of(caller);
        StringBuilder where = new StringBuilder(visible.condition());
        var params = visible.parameters();
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
        InboxVisibility visible = InboxVisibility.of(caller);
        long total = InboxItem.count(visible.condition(), visible.parameters());
        long unread = InboxItem.count(visible.condition() + " and readAt is null", visible.parameters());
        return new InboxCount(unread, total);
    }

    /**
     * Marks an item read. The first reader is kept: marking it again changes nothing. An item the caller may not
     * see is "not found", so nobody learns which items others have.
     */
    @Transactional
    public void markRead(Caller caller, UUID id) {
        InboxVisibility visible = InboxVisibility.of(caller);
        int marked = InboxItem.update("readAt = :now, readBy = :reader where id = :id and readAt is null and "
                        + visible.condition(),
                visible.parameters().and("id", id).and("now", OffsetDateTime.now(clock)).and("reader", caller.userId()));
        if (marked == 0 && InboxItem.count("id = :id and " + visible.condition(),
                InboxVisibility.of(caller).parameters().and("id", id)) == 0) {
            throw ProblemException.notFound("no inbox item " + id + " for you");
        }
    }

    /** One item the caller may see; another's is "not found". */
    @Transactional
    public InboxItem visibleItem(Caller caller, UUID id) {
        InboxVisibility visible = InboxVisibility.of(caller);
        return InboxItem.<InboxItem>find("id = :id and " + visible.condition(), visible.parameters().and("id", id))
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("no inbox item " + id + " for you"));
    }
}
