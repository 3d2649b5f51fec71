package org.uputnica.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    /** The AsyncAPI document must name every event type and topic the code has, so it cannot fall behind. */
    @Test
    void theAsyncApiDocumentDescribesEveryEventTypeAndTopic() throws IOException {
        String asyncApi = Files.readString(Path.of("../docs/asyncapi.yaml"));
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains(type.value()), "docs/asyncapi.yaml lacks " + type.value());
        }
        for (Topic topic : Topic.values()) {
            assertTrue(asyncApi.contains(topic.topicName()), "docs/asyncapi.yaml lacks topic " + topic.topicName());
        }
    }

    @Test
    void anEnvelopeSurvivesTheWireAndKeepsItsAttributes() {
        UUID id = UUID.randomUUID();
        EventEnvelope sent = EventEnvelope.of(EventType.CASE_CREATED, "/uputnica/case-service", id.toString(),
                OffsetDateTime.parse("2026-11-23T10:15:30+01:00"),
                EventJson.toData(new CaseCreated(id, "csr-kikinda", new Actor("csr-kikinda", "u-1"))));
        EventEnvelope received = EventJson.read(EventJson.write(sent));
        assertEquals(sent.id(), received.id());
        assertEquals("1.0", received.specversion());
        assertEquals(sent.time().toInstant(), received.time().toInstant());
        CaseCreated data = EventJson.data(received, CaseCreated.class);
        assertEquals("csr-kikinda", data.ownerAgency());
        assertEquals(id, data.caseId());
    }

    @Test
    void whatIsNotAValidEventIsRejectedAsPoison() {
        assertThrows(InvalidEventException.class, () -> EventJson.read("{not json"));
        assertThrows(InvalidEventException.class, () -> EventJson.read(null));
        assertThrows(InvalidEventException.class, () -> EventJson.read("{\"specversion\": \"1.0\", \"id\": \"x\"}"));
        assertThrows(InvalidEventException.class, () -> EventJson.read("""
                {"specversion": "0.3", "id": "x", "type": "t", "source": "/s", "subject": "a",
                 "time": "2026-11-23T10:15:30Z", "data": {}}"""));
        EventEnvelope wrongData = EventJson.read("""
                {"specversion": "1.0", "id": "x", "type": "t", "source": "/s", "subject": "a",
                 "time": "2026-11-23T10:15:30Z", "data": {"caseId": "not-a-uuid"}}""");
        assertThrows(InvalidEventException.class, () -> EventJson.data(wrongData, CaseCreated.class));
    }

    @Test
    void eventDataNeverCarriesPersonalFields() {
        JsonNode data = EventJson.toData(new ReferralChanged(UUID.randomUUID(), UUID.randomUUID(), "a", "b",
                "SHELTER", "URGENT", "SENT", null, null, new Actor("a", "u")));
        for (String forbidden : new String[] {"givenName", "familyName", "dateOfBirth", "reason", "note"}) {
            assertTrue(!data.has(forbidden), "referral events must not carry " + forbidden);
        }
    }

    @Test
    void anUnlinkingCarriesItsReasonAsACodeAndNoNote() {
        JsonNode data = EventJson.toData(new RecordsUnlinked(UUID.randomUUID(), UUID.randomUUID(), "csr-kikinda",
                UUID.randomUUID(), "kirs", "NOT_SAME_PERSON", new Actor("csr-kikinda", "u")));
        assertEquals("NOT_SAME_PERSON", data.get("reasonCode").asText());
        for (String forbidden : new String[] {"reason", "note", "dissolutionNote"}) {
            assertTrue(!data.has(forbidden), "records-unlinked must not carry " + forbidden);
        }
    }
}
