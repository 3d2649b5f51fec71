package org.uputnica.notifications.routing;

import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.ReferralChanged;
import org.uputnica.identity.Roles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who is told what about a referral event, as a pure function of the event (no database, no clock), so that every
 * channel routes alike and the rules can be tested on their own.
 * <p>
 * Both parties are told of every change, the acting party included: items are per agency, and a colleague of the
 * one who acted needs to see it as much as the other side does (the item names the acting agency). A sent referral
 * is "received" for the receiver and "sent" for the sender. A forward tells the two parties of the forwarded
 * referral; the new receiver learns of it from the new referral's own {@code sent} event. When a deadline passes,
 * the sender, the receiving agency's supervisors and the working group's coordinators are told; an escalation tells
 * the coordinators and both parties. A withdrawn consent (sharing revoked) tells both parties: the receiver must stop
 * using the shared data, the sender learns that the referral no longer carries it.
 * <p>
 * Types this service does not know yield no notice: the topic may carry newer types, and that is not an error.
 */
public final class NoticeRouting {

    /** A group of people an event concerns, resolved against the referral. */
    private enum Audience {
        SENDER(r -> Recipient.agency(r.fromAgency())),
        RECEIVER(r -> Recipient.agency(r.toAgency())),
        RECEIVER_SUPERVISORS(r -> Recipient.role(r.toAgency(), Roles.SUPERVISOR)),
        /** Nobody when the referral follows no working group. */
        WORKING_GROUP(r -> r.workingGroup() == null || r.workingGroup().isBlank()
                ? null : Recipient.workingGroup(r.workingGroup()));

        final Function<ReferralChanged, Recipient> resolve;

        Audience(Function<ReferralChanged, Recipient> resolve) {
            this.resolve = resolve;
        }
    }

    private record Target(Audience audience, NoticeKind kind) {
    }

    private static final Map<EventType, List<Target>> RULES = new EnumMap<>(EventType.class);

    static {
        RULES.put(EventType.REFERRAL_SENT, List.of(
                new Target(Audience.RECEIVER, NoticeKind.REFERRAL_RECEIVED),
                new Target(Audience.SENDER, NoticeKind.REFERRAL_SENT)));
        bothParties(EventType.REFERRAL_ACKNOWLEDGED, NoticeKind.REFERRAL_ACKNOWLEDGED);
        bothParties(EventType.REFERRAL_ACCEPTED, NoticeKind.REFERRAL_ACCEPTED);
        bothParties(EventType.REFERRAL_DECLINED, NoticeKind.REFERRAL_DECLINED);
        bothParties(EventType.REFERRAL_STARTED, NoticeKind.REFERRAL_IN_PROGRESS);
        bothParties(EventType.REFERRAL_ON_HOLD, NoticeKind.REFERRAL_ON_HOLD);
        bothParties(EventType.REFERRAL_COMPLETED, NoticeKind.REFERRAL_COMPLETED);
        bothParties(EventType.REFERRAL_WITHDRAWN, NoticeKind.REFERRAL_WITHDRAWN);
        bothParties(EventType.REFERRAL_FORWARDED, NoticeKind.REFERRAL_FORWARDED);
        bothParties(EventType.REFERRAL_SHARING_REVOKED, NoticeKind.REFERRAL_SHARING_REVOKED);
        RULES.put(EventType.REFERRAL_OVERDUE, List.of(
                new Target(Audience.SENDER, NoticeKind.REFERRAL_OVERDUE),
                new Target(Audience.RECEIVER_SUPERVISORS, NoticeKind.REFERRAL_OVERDUE),
                new Target(Audience.WORKING_GROUP, NoticeKind.REFERRAL_OVERDUE)));
        RULES.put(EventType.REFERRAL_ESCALATED, List.of(
                new Target(Audience.WORKING_GROUP, NoticeKind.REFERRAL_ESCALATED),
                new Target(Audience.SENDER, NoticeKind.REFERRAL_ESCALATED),
                new Target(Audience.RECEIVER, NoticeKind.REFERRAL_ESCALATED)));
    }

    private NoticeRouting() {
    }

    private static void bothParties(EventType type, NoticeKind kind) {
        RULES.put(type, List.of(new Target(Audience.RECEIVER, kind), new Target(Audience.SENDER, kind)));
    }

    /** Whether events of this type are routed at all (webhooks may subscribe to exactly these). */
    public static boolean routes(EventType type) {
        return RULES.containsKey(type);
    }

    /**
     * The notices an event causes; empty for event types that concern no one here.
     *
     * @throws InvalidEventException when a routed event's data is not a complete {@link ReferralChanged}
     *                               (a poison message: it can never be delivered, however often it is retried)
     */
    public static List<Notice> route(EventEnvelope event) {
        List<Target> targets = EventType.fromValue(event.type()).map(RULES::get).orElse(null);
        if (targets == null) {
            return List.of();
        }
        ReferralChanged referral = requireComplete(event, EventJson.data(event, ReferralChanged.class));
        List<Notice> notices = new ArrayList<>();
        for (Target target : targets) {
            Recipient recipient = target.audience().resolve.apply(referral);
            if (recipient != null) {
                notices.add(new Notice(recipient, target.kind(), referral));
            }
        }
        return notices;
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
