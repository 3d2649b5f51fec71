package org.uputnica.notifications;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.uputnica.events.Actor;
import org.uputnica.infra.EventRecords;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;
import org.uputnica.events.Topic;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/** Real referral events as the referral-service writes them, put on the real topic. */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** A referral's data after a change; the actor is the agency that acted (the receiver for answers). */
    static ReferralChanged referral(UUID referralId, UUID caseId, String from, String to, String status,
                                    String previousStatus, String reasonCode) {
        String actingAgency = "SENT".equals(status) ? from : to;
        return new ReferralChanged(referralId, caseId, from, to, "PSYCHOSOCIAL_SUPPORT", "URGENT", status,
                previousStatus, reasonCode, new Actor(actingAgency, UUID.randomUUID().toString()));
    }

    /** A referral between two agencies, to be changed step by step; ids are fresh. */
    static Data between(String from, String to) {
        return new Data(UUID.randomUUID(), UUID.randomUUID(), from, to);
    }

    /** The fields of {@link ReferralChanged} beyond the walking skeleton's, set one at a time. */
    static final class Data {
        final UUID referralId;
        final UUID caseId;
        final String from;
        final String to;
        String urgency = "URGENT";
        String status = "SENT";
        String previousStatus;
        String reasonCode;
        Actor actor;
        String outcome;
        UUID relatedReferralId;
        String deadline;
        String workingGroup;
        String sharingBasis;
        UUID consentId;
        java.util.List<String> sharedData = java.util.List.of();

        Data(UUID referralId, UUID caseId, String from, String to) {
            this.referralId = referralId;
            this.caseId = caseId;
            this.from = from;
            this.to = to;
            this.actor = new Actor(from, UUID.randomUUID().toString());
        }

        Data status(String status, String previousStatus) {
            this.previousStatus = previousStatus;
            this.status = status;
            return this;
        }

        Data urgency(String urgency) {
            this.urgency = urgency;
            return this;
        }

        Data reason(String reasonCode) {
            this.reasonCode = reasonCode;
            return this;
        }

        /** The acting agency; null for the system (a deadline passed). */
        Data actedBy(String agency) {
            return actedBy(agency, UUID.randomUUID().toString());
        }

        /** The acting agency and user (a token's subject). */
        Data actedBy(String agency, String userId) {
            this.actor = agency == null ? null : new Actor(agency, userId);
            return this;
        }

        Data outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        Data related(UUID relatedReferralId) {
            this.relatedReferralId = relatedReferralId;
            return this;
        }

        Data deadline(String deadline) {
            this.deadline = deadline;
            return this;
        }

        Data workingGroup(String workingGroup) {
            this.workingGroup = workingGroup;
            return this;
        }

        /** Shared under this consent record, these kinds of data. */
        Data consent(UUID consentId, String... sharedData) {
            this.sharingBasis = "CONSENT";
            this.consentId = consentId;
            this.sharedData = java.util.List.of(sharedData);
            return this;
        }

        ReferralChanged data() {
            return new ReferralChanged(referralId, caseId, from, to, "PSYCHOSOCIAL_SUPPORT", urgency, status,
                    previousStatus, reasonCode, actor, "REFERRAL", outcome, null, relatedReferralId, deadline,
                    workingGroup, sharingBasis, consentId, sharedData);
        }

        EventEnvelope event(EventType type) {
            return ReferralEvents.event(type, data());
        }

        /** An event that happened at {@code time} (e.g. a referral sent days ago, to see how long it waited). */
        EventEnvelope eventAt(EventType type, OffsetDateTime time) {
            return EventEnvelope.of(type, "/uputnica/referral-service", referralId.toString(),
                    time.truncatedTo(ChronoUnit.MILLIS), EventJson.toData(data()));
        }
    }

    static EventEnvelope event(EventType type, ReferralChanged data) {
        // milliseconds, so the time read back from the database compares equal
        return EventEnvelope.of(type, "/uputnica/referral-service", data.referralId().toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), EventJson.toData(data));
    }

    /** Produces the messages in order with one key, so they land on one partition and are consumed in this order. */
    static void send(String bootstrap, String key, String... messages) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings()
                    .fromRecords(Arrays.stream(messages)
                            // with the relay's CloudEvents headers, as in production
                            .map(m -> EventRecords.of(Topic.REFERRAL_EVENTS, key, m,
                                    EventType.REFERRAL_SENT.value(), UUID.randomUUID().toString()))
                            .toList())
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    static void send(String bootstrap, EventEnvelope... events) {
        send(bootstrap, events[0].subject(), Arrays.stream(events).map(EventJson::write).toArray(String[]::new));
    }
}
