package org.uputnica.notifications.feed;

import org.junit.jupiter.api.Test;
import org.uputnica.events.Actor;
import org.uputnica.events.AgencyCreated;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.CaseTransferred;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.RecordsLinked;
import org.uputnica.events.RecordsUnlinked;
import org.uputnica.events.ReferralChanged;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which event in the feed and by webhook: the one rule, without a server. */
class FeedAudienceTest {
    static final Actor ACTOR = new Actor("csr-kikinda", UUID.randomUUID().toString());
    static final UUID CASE = UUID.randomUUID();

    static EventEnvelope event(EventType type, Object data) {
        return EventEnvelope.of(type, "/uputnica/test", CASE.toString(), OffsetDateTime.now(), EventJson.toData(data));
    }

    @Test
    void everyReferralEventIsSeenByBothParties() {
        ReferralChanged referral = new ReferralChanged(UUID.randomUUID(), CASE, "csr-kikinda", "udruzenje-rod",
                "PSYCHOSOCIAL_SUPPORT", "URGENT", "SENT", null, null, ACTOR);
        for (EventType type : EventType.values()) {
            if (type.aboutAReferral()) {
                assertEquals(Set.of("csr-kikinda", "udruzenje-rod"), FeedAudience.of(event(type, referral)), type.value());
            }
        }
    }

    @Test
    void aConsentIsSeenByTheOwnerAndTheAgencyItNames() {
        ConsentChanged named = new ConsentChanged(UUID.randomUUID(), CASE, "csr-kikinda", "udruzenje-rod", null,
                List.of("IDENTITY"), null, null, null, ACTOR);
        assertEquals(Set.of("csr-kikinda", "udruzenje-rod"),
                FeedAudience.of(event(EventType.CASE_CONSENT_RECORDED, named)));
        assertEquals(Set.of("csr-kikinda", "udruzenje-rod"),
                FeedAudience.of(event(EventType.CASE_CONSENT_WITHDRAWN, named)));
        ConsentChanged toAKind = new ConsentChanged(UUID.randomUUID(), CASE, "csr-kikinda", null, "ngo",
                List.of("IDENTITY"), null, null, null, ACTOR);
        assertEquals(Set.of("csr-kikinda"), FeedAudience.of(event(EventType.CASE_CONSENT_RECORDED, toAKind)),
                "a kind of agency is no agency: only the owner");
    }

    @Test
    void aTransferIsSeenByTheAgencyItLeftAndTheOneItWentTo() {
        CaseTransferred transfer = new CaseTransferred(CASE, "csr-kikinda", "csr-bijeljina", UUID.randomUUID(), ACTOR);
        assertEquals(Set.of("csr-bijeljina", "csr-kikinda"), FeedAudience.of(event(EventType.CASE_TRANSFERRED, transfer)));
    }

    @Test
    void aLinkIsSeenByTheAgenciesOfBothRecords() {
        RecordsLinked linked = new RecordsLinked(UUID.randomUUID(), CASE, "csr-kikinda", UUID.randomUUID(), "iom-serbia", ACTOR);
        assertEquals(Set.of("csr-kikinda", "iom-serbia"), FeedAudience.of(event(EventType.CASE_RECORDS_LINKED, linked)));
        RecordsUnlinked unlinked = new RecordsUnlinked(UUID.randomUUID(), CASE, "iom-serbia", UUID.randomUUID(),
                "csr-kikinda", "NOT_SAME_PERSON", ACTOR);
        assertEquals(Set.of("csr-kikinda", "iom-serbia"), FeedAudience.of(event(EventType.CASE_RECORDS_UNLINKED, unlinked)));
    }

    @Test
    void anAgencysOwnBookkeepingAndThePlatformsAdministrationAreInNoFeed() {
        assertEquals(Set.of(), FeedAudience.of(event(EventType.CASE_CREATED, new CaseCreated(CASE, "csr-kikinda", ACTOR))));
        assertEquals(Set.of(), FeedAudience.of(event(EventType.AGENCY_CREATED,
                new AgencyCreated("novi-sad-csr", "RS", "csr", ACTOR))));
        assertFalse(FeedAudience.carries("org.uputnica.case.unknown.v9"), "a type this service does not know");
        assertTrue(FeedAudience.carries(EventType.CASE_TRANSFERRED.value()));
    }

    @Test
    void theCaseTypesOfTheFeedAreTheConsentTransferAndLinkEvents() {
        assertEquals(List.of(EventType.CASE_TRANSFERRED, EventType.CASE_CONSENT_RECORDED,
                        EventType.CASE_CONSENT_WITHDRAWN, EventType.CASE_RECORDS_LINKED, EventType.CASE_RECORDS_UNLINKED),
                FeedAudience.caseTypes());
        assertTrue(Arrays.stream(EventType.values()).filter(EventType::aboutAReferral).allMatch(FeedAudience::carries));
    }

    @Test
    void aFeedEventThatNamesNoAgencyIsPoison() {
        assertThrows(InvalidEventException.class, () -> FeedAudience.of(event(EventType.CASE_TRANSFERRED,
                Map.of("caseId", CASE.toString()))));
        assertThrows(InvalidEventException.class, () -> FeedAudience.of(event(EventType.REFERRAL_SENT,
                Map.of("fromAgency", " ", "toAgency", 7))));
    }
}
