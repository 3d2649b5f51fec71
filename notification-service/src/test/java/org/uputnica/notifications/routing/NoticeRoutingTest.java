package org.uputnica.notifications.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.ReferralChanged;
import org.uputnica.events.Topic;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeRoutingTest {
    static final UUID REFERRAL = UUID.randomUUID();
    static final UUID CASE = UUID.randomUUID();
    static final Recipient SENDER = Recipient.agency("csr-kikinda");
    static final Recipient RECEIVER = Recipient.agency("udruzenje-rod");
    static final Recipient RECEIVER_SUPERVISORS = Recipient.role("udruzenje-rod", "supervisor");
    static final Recipient GROUP = Recipient.workingGroup("kikinda-child-protection");

    static ReferralChanged referral(String status, String previousStatus, String reasonCode) {
        return new ReferralChanged(REFERRAL, CASE, "csr-kikinda", "udruzenje-rod", "PSYCHOSOCIAL_SUPPORT", "URGENT",
                status, previousStatus, reasonCode, new Actor("udruzenje-rod", UUID.randomUUID().toString()));
    }

    static ReferralChanged inWorkingGroup(String status, String deadline, String workingGroup) {
        return new ReferralChanged(REFERRAL, CASE, "csr-kikinda", "udruzenje-rod", "PSYCHOSOCIAL_SUPPORT", "EMERGENCY",
                status, status, null, new Actor(null, null), "REFERRAL", null, null, null, deadline, workingGroup);
    }

    static EventEnvelope event(String type, Object data) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, "/uputnica/referral-service",
                REFERRAL.toString(), OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, EventJson.toData(data));
    }

    static List<Notice> route(EventType type, ReferralChanged data) {
        return NoticeRouting.route(event(type.value(), data));
    }

    @Test
    void aSentReferralIsReceivedByTheReceiverAndRecordedAsSentForTheSender() {
        ReferralChanged sent = referral("SENT", null, null);
        assertEquals(List.of(new Notice(RECEIVER, NoticeKind.REFERRAL_RECEIVED, sent),
                new Notice(SENDER, NoticeKind.REFERRAL_SENT, sent)), route(EventType.REFERRAL_SENT, sent));
    }

    @ParameterizedTest
    @CsvSource({
            "REFERRAL_ACKNOWLEDGED, ACKNOWLEDGED, REFERRAL_ACKNOWLEDGED, ",
            "REFERRAL_ACCEPTED, ACCEPTED, REFERRAL_ACCEPTED, ",
            "REFERRAL_DECLINED, DECLINED, REFERRAL_DECLINED, NO_CAPACITY",
            "REFERRAL_STARTED, IN_PROGRESS, REFERRAL_IN_PROGRESS, ",
            "REFERRAL_ON_HOLD, ON_HOLD, REFERRAL_ON_HOLD, WAITING_FOR_DOCUMENTS",
            "REFERRAL_COMPLETED, COMPLETED, REFERRAL_COMPLETED, ",
            "REFERRAL_WITHDRAWN, WITHDRAWN, REFERRAL_WITHDRAWN, DUPLICATE",
            "REFERRAL_FORWARDED, FORWARDED, REFERRAL_FORWARDED, ",
            "REFERRAL_SHARING_REVOKED, SENT, REFERRAL_SHARING_REVOKED, CONSENT_WITHDRAWN"})
    void bothPartiesHearOfEveryChangeWhoeverMadeIt(EventType type, String status, NoticeKind kind, String reasonCode) {
        ReferralChanged change = referral(status, "SENT", reasonCode);
        assertEquals(List.of(new Notice(RECEIVER, kind, change), new Notice(SENDER, kind, change)), route(type, change));
    }

    @Test
    void anOverdueReferralTellsTheSenderTheReceiversSupervisorsAndTheCoordinators() {
        ReferralChanged overdue = inWorkingGroup("SENT", "ACKNOWLEDGE", "kikinda-child-protection");
        assertEquals(List.of(new Notice(SENDER, NoticeKind.REFERRAL_OVERDUE, overdue),
                        new Notice(RECEIVER_SUPERVISORS, NoticeKind.REFERRAL_OVERDUE, overdue),
                        new Notice(GROUP, NoticeKind.REFERRAL_OVERDUE, overdue)),
                route(EventType.REFERRAL_OVERDUE, overdue));
    }

    @Test
    void withoutAWorkingGroupNoCoordinatorIsTold() {
        ReferralChanged overdue = inWorkingGroup("ACKNOWLEDGED", "RESPOND", null);
        assertEquals(List.of(SENDER, RECEIVER_SUPERVISORS),
                route(EventType.REFERRAL_OVERDUE, overdue).stream().map(Notice::recipient).toList());
        ReferralChanged escalated = inWorkingGroup("ACKNOWLEDGED", "RESPOND", " ");
        assertEquals(List.of(SENDER, RECEIVER),
                route(EventType.REFERRAL_ESCALATED, escalated).stream().map(Notice::recipient).toList());
    }

    @Test
    void anEscalationTellsTheCoordinatorsAndBothParties() {
        ReferralChanged escalated = inWorkingGroup("SENT", "ACKNOWLEDGE", "kikinda-child-protection");
        assertEquals(List.of(new Notice(GROUP, NoticeKind.REFERRAL_ESCALATED, escalated),
                        new Notice(SENDER, NoticeKind.REFERRAL_ESCALATED, escalated),
                        new Notice(RECEIVER, NoticeKind.REFERRAL_ESCALATED, escalated)),
                route(EventType.REFERRAL_ESCALATED, escalated));
    }

    @Test
    void aWithdrawnConsentIsAnUrgentNoticeThatNobodyCanSwitchOffByEmail() {
        ReferralChanged revoked = referral("ACCEPTED", "ACCEPTED", "CONSENT_WITHDRAWN");
        assertEquals(List.of(new Notice(RECEIVER, NoticeKind.REFERRAL_SHARING_REVOKED, revoked),
                new Notice(SENDER, NoticeKind.REFERRAL_SHARING_REVOKED, revoked)),
                route(EventType.REFERRAL_SHARING_REVOKED, revoked));
        assertTrue(NoticeKind.REFERRAL_SHARING_REVOKED.alwaysByEmail());
        assertFalse(NoticeKind.REFERRAL_ACCEPTED.alwaysByEmail());
    }

    @Test
    void everyReferralEventTypeIsRoutedToBothParties() {
        for (EventType type : EventType.values()) {
            if (type.topic() == Topic.REFERRAL_EVENTS && type.aboutAReferral()) {
                assertTrue(NoticeRouting.routes(type), type.name());
                List<String> agencies = route(type, referral("X", null, null)).stream()
                        .map(n -> n.recipient().agency()).toList();
                assertTrue(agencies.contains("csr-kikinda") && agencies.contains("udruzenje-rod"), type + ": " + agencies);
            }
        }
        assertFalse(NoticeRouting.routes(EventType.CASE_CREATED));
        assertFalse(NoticeRouting.routes(EventType.AGENCY_CREATED)); // administration events concern no one's inbox
        assertFalse(NoticeRouting.routes(EventType.WORKING_GROUP_MEMBER_ADDED));
    }

    @Test
    void recipientKeysNameEachRecipientApart() {
        assertEquals("agency:csr-kikinda", SENDER.key());
        assertEquals("agency:udruzenje-rod/role:supervisor", RECEIVER_SUPERVISORS.key());
        assertEquals("group:kikinda-child-protection", GROUP.key());
        assertThrows(IllegalArgumentException.class, () -> new Recipient("csr-kikinda", null, null, "kikinda-child-protection"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(null, null, null, null));
    }

    @Test
    void typesThatConcernNoOneYieldNothingWithoutReadingTheirData() {
        ObjectNode unreadable = JsonNodeFactory.instance.objectNode().put("referralId", "not-a-uuid");
        assertTrue(NoticeRouting.route(event("org.uputnica.referral.reopened.v1", unreadable)).isEmpty());
        assertTrue(NoticeRouting.route(event(EventType.REFERRAL_SENT.value() + ".v2", unreadable)).isEmpty());
        assertTrue(NoticeRouting.route(event(EventType.CASE_CREATED.value(),
                new CaseCreated(CASE, "csr-kikinda", new Actor("csr-kikinda", "u1")))).isEmpty());
    }

    @Test
    void dataOfTheWrongShapeIsPoison() {
        ObjectNode wrongType = JsonNodeFactory.instance.objectNode().put("referralId", "not-a-uuid").put("caseId", 42);
        assertThrows(InvalidEventException.class,
                () -> NoticeRouting.route(event(EventType.REFERRAL_SENT.value(), wrongType)));

        ObjectNode incomplete = JsonNodeFactory.instance.objectNode().put("referralId", REFERRAL.toString())
                .put("toAgency", " ");
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> NoticeRouting.route(event(EventType.REFERRAL_ACCEPTED.value(), incomplete)));
        assertTrue(e.getMessage().contains("[caseId, fromAgency, toAgency, status]"), e.getMessage());

        assertThrows(InvalidEventException.class, () -> NoticeRouting.route(
                event(EventType.REFERRAL_DECLINED.value(), JsonNodeFactory.instance.arrayNode().add(1))));
    }
}
