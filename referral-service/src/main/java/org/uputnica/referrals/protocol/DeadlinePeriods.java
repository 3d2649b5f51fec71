package org.uputnica.referrals.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.uputnica.referrals.referral.Urgency;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines of one urgency under a protocol, as ISO-8601 durations (kept as text, as the protocol's author wrote
 * them, so that the stored version reads the same as the published one).
 */
@Embeddable
public class DeadlinePeriods {
    /** From SENT until the receiver acknowledges (or answers). */
    @Column(name = "acknowledge")
    public String acknowledge;

    /** From SENT until the receiver accepts or declines. */
    @Column(name = "respond")
    public String respond;

    /** From ACCEPTED until work starts (IN_PROGRESS: first contact with the person). */
    @Column(name = "first_contact")
    public String firstContact;

    /** From a deadline passing until the referral escalates to the working group's coordinator. */
    @Column(name = "escalate_after")
    public String escalateAfter;

    public DeadlinePeriods() {
    }

    public DeadlinePeriods(String acknowledge, String respond, String firstContact, String escalateAfter) {
        this.acknowledge = acknowledge;
        this.respond = respond;
        this.firstContact = firstContact;
        this.escalateAfter = escalateAfter;
    }

    /**
     * The inter-agency referral form's priorities: emergency acknowledged within 24 hours, urgent within 72 hours,
     * routine within two weeks. A protocol version that leaves a deadline out gets these; the national default
     * protocol (migration V4) carries the same values.
     */
    public static final Map<Urgency, DeadlinePeriods> FORM_DEFAULTS;

    static {
        Map<Urgency, DeadlinePeriods> defaults = new EnumMap<>(Urgency.class);
        defaults.put(Urgency.EMERGENCY, new DeadlinePeriods("PT24H", "PT48H", "PT24H", "PT24H"));
        defaults.put(Urgency.URGENT, new DeadlinePeriods("PT72H", "P5D", "P7D", "PT72H"));
        defaults.put(Urgency.ROUTINE, new DeadlinePeriods("P14D", "P21D", "P30D", "P14D"));
        FORM_DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    public Duration acknowledgeWithin() {
        return IsoDurations.parse(acknowledge);
    }

    public Duration respondWithin() {
        return IsoDurations.parse(respond);
    }

    public Duration firstContactWithin() {
        return IsoDurations.parse(firstContact);
    }

    public Duration escalateAfterPeriod() {
        return IsoDurations.parse(escalateAfter);
    }
}
