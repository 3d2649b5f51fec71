package org.uputnica.notifications.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which agencies may see an event in their event feed and receive it by webhook: the one rule, a pure function of
 * the event (no database, no clock), tested on its own ({@code FeedAudienceTest}).
 * <p>
 * An agency sees an event that names it in the payload's agency fields:
 * <ul>
 *   <li>referral events: the sending and the receiving agency ({@code fromAgency}, {@code toAgency}); a forward
 *   names the agency it went to in the new referral's own {@code sent} event, which that agency sees;</li>
 *   <li>consent recorded or withdrawn: the case's owner and the agency the consent names ({@code toAgency}); a
 *   consent that names only a kind of agency is seen by the owner alone;</li>
 *   <li>case transferred (ownership): the agency it left and the agency it went to;</li>
 *   <li>records linked or unlinked: the agencies of both records.</li>
 * </ul>
 * Other types (case created, closed, anonymised; the platform administration's agency and working-group events) are
 * in no feed: they name only one agency's own bookkeeping or no agency's business.
 */
public final class FeedAudience {

    private static final List<String> REFERRAL = List.of("fromAgency", "toAgency");
    private static final Map<EventType, List<String>> FIELDS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            if (type.aboutAReferral()) {
                FIELDS.put(type, REFERRAL);
            }
        }
        FIELDS.put(EventType.CASE_CONSENT_RECORDED, List.of("ownerAgency", "toAgency"));
        FIELDS.put(EventType.CASE_CONSENT_WITHDRAWN, List.of("ownerAgency", "toAgency"));
        FIELDS.put(EventType.CASE_TRANSFERRED, List.of("fromAgency", "toAgency"));
        FIELDS.put(EventType.CASE_RECORDS_LINKED, List.of("agency", "linkedAgency"));
        FIELDS.put(EventType.CASE_RECORDS_UNLINKED, List.of("agency", "linkedAgency"));
    }

    private FeedAudience() {
    }

    /** Whether events of this type go into the feed (and may be subscribed to by webhook). */
    public static boolean carries(EventType type) {
        return FIELDS.containsKey(type);
    }

    /** Whether events of this CloudEvents type go into the feed; false for a type this service does not know. */
    public static boolean carries(String type) {
        return EventType.fromValue(type).map(FeedAudience::carries).orElse(false);
    }

    /** Every feed type of the case-service's topic (the referral topic's are the referral events). */
    public static List<EventType> caseTypes() {
        return FIELDS.keySet().stream().filter(t -> !t.aboutAReferral()).toList();
    }

    /**
     * The agencies that see this event, sorted; empty for a type that is in no feed.
     *
     * @throws InvalidEventException when a feed event names no agency at all (a poison message: nobody could see it)
     */
    public static Set<String> of(EventEnvelope event) {
        List<String> fields = EventType.fromValue(event.type()).map(FIELDS::get).orElse(null);
        Set<String> agencies = new TreeSet<>();
        if (fields == null) {
            return agencies;
        }
        for (String field : fields) {
            agency(event.data(), field).ifPresent(agencies::add);
        }
        if (agencies.isEmpty()) {
            throw new InvalidEventException("data of " + event.type() + " " + event.id() + " names none of " + fields);
        }
        return agencies;
    }

    private static Optional<String> agency(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }
}
