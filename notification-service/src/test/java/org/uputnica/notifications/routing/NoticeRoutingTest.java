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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeRoutingTest {
    static final UUID REFERRAL = UUID.randomUUID();
    static final UUID CASE = UUID.randomUUID();

    static ReferralChanged referral(String status, String previousStatus, String reasonCode) {
        return new ReferralChanged(REFERRAL, CASE, "csr-kikinda", "udruzenje-rod", "PSYCHOSOCIAL_SUPPORT", "URGENT",
                status, previousStatus, reasonCode, new Actor("udruzenje-rod", UUID.randomUUID().toString()));
    }

    static EventEnvelope event(String type, Object data) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, "/uputnica/referral-service",
                REFERRAL.toString(), OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON, EventJson.toData(data));
    }

    @Test
    void aSentReferralIsForTheReceivingAgency() {
        ReferralChanged sent = referral("SENT", null, null);
        List<Notice> notices = NoticeRouting.route(event(EventType.REFERRAL_SENT.value(), sent));
        assertEquals(List.of(new Notice("udruzenje-rod", NoticeKind.REFERRAL_RECEIVED, sent)), notices);
    }

    @ParameterizedTest
    @CsvSource({
            "REFERRAL_ACKNOWLEDGED, ACKNOWLEDGED, REFERRAL_ACKNOWLEDGED, ",
            "REFERRAL_ACCEPTED, ACCEPTED, REFERRAL_ACCEPTED, ",
            "REFERRAL_DECLINED, DECLINED, REFERRAL_DECLINED, NO_CAPACITY"})
    void everyAnswerIsForTheSendingAgency(EventType type, String status, NoticeKind kind, String reasonCode) {
        ReferralChanged answer = referral(status, "SENT", reasonCode);
        List<Notice> notices = NoticeRouting.route(event(type.value(), answer));
        assertEquals(List.of(new Notice("csr-kikinda", kind, answer)), notices);
    }

    @Test
    void everyReferralEventTypeIsRouted() {
        for (EventType type : EventType.values()) {
            if (type.topic() == Topic.REFERRAL_EVENTS) {
                assertEquals(1, NoticeRouting.route(event(type.value(), referral("X", null, null))).size(), type.name());
            }
        }
    }

    @Test
    void typesThatConcernNoOneYieldNothingWithoutReadingTheirData() {
        ObjectNode unreadable = JsonNodeFactory.instance.objectNode().put("referralId", "not-a-uuid");
        assertTrue(NoticeRouting.route(event("org.uputnica.referral.escalated.v1", unreadable)).isEmpty());
        assertTrue(NoticeRouting.route(event(EventType.REFERRAL_SENT.value() + ".v2", unreadable)).isEmpty());
        assertTrue(NoticeRouting.route(event(EventType.CASE_CREATED.value(),
                new CaseCreated(CASE, "csr-kikinda", "RETURNEE", new Actor("csr-kikinda", "u1")))).isEmpty());
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
