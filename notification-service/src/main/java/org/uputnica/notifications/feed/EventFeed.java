package org.uputnica.notifications.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.platform.retention.BatchedErasure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event feed: every event an agency may see ({@link FeedAudience}), in one order, read with a cursor.
 * <p>
 * The order is the order in which the events were committed here, and a cursor must never skip an event that
 * commits later with a smaller position. So positions are handed out under one transaction-scoped advisory lock:
 * a writer takes it before it draws a position and keeps it until its transaction ends, so positions become visible
 * in increasing order. The cost: the two intake channels' transactions wait for each other from their first feed
 * event to their commit (batches, so a few per second). The events are stored as received (CloudEvents JSON).
 */
@ApplicationScoped
public class EventFeed {
    public static final String CURSOR_EXPIRED = ProblemType.of("cursor-expired");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The advisory lock of the feed's writers (any constant no other lock of this database uses). */
    private static final long WRITERS = 0x66656564L; // "feed"

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;

    public EventFeed(EntityManager em, Clock clock, ObjectMapper json) {
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Adds an event for these agencies, in the caller's transaction.
     *
     * @return false when there is no one to show it to, or it is in the feed already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(EventEnvelope event, Set<String> agencies) {
        if (agencies.isEmpty()) {
            return false;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", WRITERS).getSingleResult();
        long seq = ((Number) em.createNativeQuery("select nextval('feed_event_seq')").getSingleResult()).longValue();
        int added = em.createNativeQuery("""
                        insert into feed_event (seq, event_id, event_type, event_time, received_at, envelope)
                        values (:seq, :id, :type, :time, :now, cast(:envelope as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter("seq", seq)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("time", event.time())
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("envelope", EventJson.write(event))
                .executeUpdate();
        if (added == 0) {
            return false;
        }
        for (String agency : agencies) {
            em.createNativeQuery("insert into feed_audience (agency, seq) values (:agency, :seq)")
                    .setParameter("agency", agency).setParameter("seq", seq).executeUpdate();
        }
        return true;
    }

    /**
     * The agency's events after {@code after} (null: from the oldest kept), or from the first of its events that
     * happened at or after {@code since}; at most {@code limit}.
     */
    @Transactional
    public FeedPage read(String agency, FeedCursor after, OffsetDateTime since, int limit) {
        FeedCursor from = after;
        if (since != null) {
            from = firstAtOrAfter(agency, since);
        } else if (after == null) {
            from = FeedCursor.START;
        } else {
            requireKept(after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.seq, cast(e.envelope as text) from feed_audience a join feed_event e on e.seq = a.seq
                        where a.agency = :agency and a.seq > :after order by a.seq limit :limit""")
                .setParameter("agency", agency)
                .setParameter("after", from.position())
                .setParameter("limit", limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<FeedEntry> events = new ArrayList<>();
        FeedCursor next = from;
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            next = new FeedCursor(((Number) row[0]).longValue());
            events.add(new FeedEntry(next.encode(), parse((String) row[1])));
        }
        return new FeedPage(events, next.encode(), more);
    }

    /** Just before the agency's first event at or after {@code since}, or the end of the feed when there is none. */
    private FeedCursor firstAtOrAfter(String agency, OffsetDateTime since) {
        Number first = (Number) em.createNativeQuery("""
                        select min(a.seq) from feed_audience a join feed_event e on e.seq = a.seq
                        where a.agency = :agency and e.event_time >= :since""")
                .setParameter("agency", agency).setParameter("since", since).getSingleResult();
        if (first != null) {
            return new FeedCursor(first.longValue() - 1);
        }
        // the end of the feed, never below what retention erased (an event kept past the horizon, received at a
        // later clock time, must not pull the end back before it: that cursor would read as expired)
        Number last = (Number) em.createNativeQuery("""
                select greatest(coalesce((select max(seq) from feed_event), 0),
                                coalesce((select erased_through from feed_horizon), 0))""")
                .getSingleResult();
        return new FeedCursor(last.longValue());
    }

    /** A cursor from before events that retention erased would skip them silently: the client must know. */
    private void requireKept(FeedCursor after) {
        @SuppressWarnings("unchecked")
        List<Number> erased = em.createNativeQuery("select erased_through from feed_horizon").getResultList();
        if (!erased.isEmpty() && after.position() < erased.get(0).longValue()) {
            throw new ProblemException(410, CURSOR_EXPIRED, "Cursor expired", "events after this cursor were erased "
                    + "after the feed's retention period; replay from a date with 'since' instead");
        }
    }

    /** Erases the events received before {@code before}, in batches, and remembers how far it erased. */
    public int eraseReceivedBefore(OffsetDateTime before) {
        Number through = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select max(seq) from feed_event where received_at < :before")
                .setParameter("before", before).getSingleResult());
        if (through == null) {
            return 0;
        }
        int erased = BatchedErasure.erase(em, before, """
                delete from feed_event where seq in (select seq from feed_event where received_at < :before
                                                     order by seq limit :batch)""");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into feed_horizon (id, erased_through) values (1, :through)
                        on conflict (id) do update set erased_through = greatest(feed_horizon.erased_through, :through)""")
                .setParameter("through", through.longValue()).executeUpdate());
        return erased;
    }

    private FeedEvent parse(String envelope) {
        try {
            return json.readValue(envelope, FeedEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored feed event is not JSON", e);
        }
    }
}
