package org.uputnica.notifications.routing;

import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.ReferralChanged;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who is told what about a referral event, as a pure function of the event (no database, no clock), so that the
 * inbox and any later channel route alike and the rules can be tested on their own.
 * <p>
 * A sent referral concerns the agency it is sent to; every answer concerns the agency that sent it. Other event
 * types yield no notice: the topic may carry types this service does not know yet, and that is not an error.
 */
public final class NoticeRouting {

    /** Which party of the referral an event concerns. */
    private enum Party {
        SENDER(ReferralChanged::fromAgency),
        RECEIVER(ReferralChanged::toAgency);

        final Function<ReferralChanged, String> agency;

        Party(Function<ReferralChanged, String> agency) {
            this.agency = agency;
        }
    }

    private record Rule(NoticeKind kind, Party party) {
    }

    private static final Map<EventType, Rule> RULES = new EnumMap<>(Map.of(
            EventType.REFERRAL_SENT, new Rule(NoticeKind.REFERRAL_RECEIVED, Party.RECEIVER),
            EventType.REFERRAL_ACKNOWLEDGED, new Rule(NoticeKind.REFERRAL_ACKNOWLEDGED, Party.SENDER),
            EventType.REFERRAL_ACCEPTED, new Rule(NoticeKind.REFERRAL_ACCEPTED, Party.SENDER),
            EventType.REFERRAL_DECLINED, new Rule(NoticeKind.REFERRAL_DECLINED, Party.SENDER)));

    private NoticeRouting() {
    }

    /**
     * The notices an event causes; empty for event types that concern no one here.
     *
     * @throws InvalidEventException when a routed event's data is not a complete {@link ReferralChanged}
     *                               (a poison message: it can never be delivered, however often it is retried)
     */
    public static List<Notice> route(EventEnvelope event) {
        Rule rule = EventType.fromValue(event.type()).map(RULES::get).orElse(null);
        if (rule == null) {
            return List.of();
        }
        ReferralChanged referral = requireComplete(event, EventJson.data(event, ReferralChanged.class));
        return List.of(new Notice(rule.party().agency.apply(referral), rule.kind(), referral));
    }

    /** Missing fields read as null rather than failing, so the fields an inbox item needs are checked here. */
    private static ReferralChanged requireComplete(EventEnvelope event, ReferralChanged r) {
        List<String> missing = new ArrayList<>();
        requireId(r.referralId(), "referralId", missing);
        requireId(r.caseId(), "caseId", missing);
        requireText(r.fromAgency(), "fromAgency", missing);
        requireText(r.toAgency(), "toAgency", missing);
        requireText(r.status(), "status", missing);
        if (!missing.isEmpty()) {
            throw new InvalidEventException("data of " + event.type() + " " + event.id() + " lacks " + missing);
        }
        return r;
    }

    private static void requireId(UUID value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void requireText(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
