package org.uputnica.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Uputnica publishes, with the topic it goes to. The AsyncAPI document
 * (docs/asyncapi.yaml) describes the same list; {@code EventContractTest} keeps the two in step.
 */
public enum EventType {
    CASE_CREATED("org.uputnica.case.created.v1", Topic.CASE_EVENTS),
    /** Ownership of a case moved to another agency (an accepted transfer referral). */
    CASE_TRANSFERRED("org.uputnica.case.transferred.v1", Topic.CASE_EVENTS),
    /** A consent to share a case's data was recorded (who gave it stays in the case-service). */
    CASE_CONSENT_RECORDED("org.uputnica.case.consent-recorded.v1", Topic.CASE_EVENTS),
    /** A consent was withdrawn: every holder of data shared under it stops using it. */
    CASE_CONSENT_WITHDRAWN("org.uputnica.case.consent-withdrawn.v1", Topic.CASE_EVENTS),
    /** The owner agency closed a case (its retention period starts). */
    CASE_CLOSED("org.uputnica.case.closed.v1", Topic.CASE_EVENTS),
    /** The person's data in a case was anonymised after the retention period: holders erase what they keep of it. */
    CASE_ANONYMISED("org.uputnica.case.anonymised.v1", Topic.CASE_EVENTS),
    /** A caseworker confirmed that two agencies' records are the same person; the records stay apart. */
    CASE_RECORDS_LINKED("org.uputnica.case.records-linked.v1", Topic.CASE_EVENTS),
    /** A caseworker dissolved a wrongly confirmed link; the pair is not suggested again. */
    CASE_RECORDS_UNLINKED("org.uputnica.case.records-unlinked.v1", Topic.CASE_EVENTS),

    REFERRAL_SENT("org.uputnica.referral.sent.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_ACKNOWLEDGED("org.uputnica.referral.acknowledged.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_ACCEPTED("org.uputnica.referral.accepted.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_DECLINED("org.uputnica.referral.declined.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_STARTED("org.uputnica.referral.in-progress.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_ON_HOLD("org.uputnica.referral.on-hold.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_COMPLETED("org.uputnica.referral.completed.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_WITHDRAWN("org.uputnica.referral.withdrawn.v1", Topic.REFERRAL_EVENTS),
    REFERRAL_FORWARDED("org.uputnica.referral.forwarded.v1", Topic.REFERRAL_EVENTS),
    /** A deadline passed without the answer it waits for; the referral keeps its status. */
    REFERRAL_OVERDUE("org.uputnica.referral.overdue.v1", Topic.REFERRAL_EVENTS),
    /** Still unanswered a period after it went overdue: the working group's coordinator takes it up. */
    REFERRAL_ESCALATED("org.uputnica.referral.escalated.v1", Topic.REFERRAL_EVENTS),
    /** The consent a referral shared data under was withdrawn: the receiver must stop using the shared data. */
    REFERRAL_SHARING_REVOKED("org.uputnica.referral.sharing-revoked.v1", Topic.REFERRAL_EVENTS),

    /** A platform administrator added an agency (its Keycloak organisation and directory entry). */
    AGENCY_CREATED("org.uputnica.agency.created.v1", Topic.REFERRAL_EVENTS),
    /** A platform administrator made an agency a member of a working group. */
    WORKING_GROUP_MEMBER_ADDED("org.uputnica.working-group.member-added.v1", Topic.REFERRAL_EVENTS),
    /** A platform administrator removed an agency from a working group. */
    WORKING_GROUP_MEMBER_REMOVED("org.uputnica.working-group.member-removed.v1", Topic.REFERRAL_EVENTS);

    private static final String REFERRAL_PREFIX = "org.uputnica.referral.";

    private final String value;
    private final Topic topic;

    EventType(String value, Topic topic) {
        this.value = value;
        this.topic = topic;
    }

    public String value() {
        return value;
    }

    public Topic topic() {
        return topic;
    }

    /**
     * Whether this is an event about one referral (data {@link ReferralChanged}). The referral-service's topic also
     * carries the platform administration's events (agencies, working groups), which referral consumers skip.
     */
    public boolean aboutAReferral() {
        return value.startsWith(REFERRAL_PREFIX);
    }

    public static Optional<EventType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
