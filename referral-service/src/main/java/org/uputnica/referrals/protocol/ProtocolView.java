package org.uputnica.referrals.protocol;

import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol version as the API shows it.
 *
 * @param current  whether it is the protocol's newest version, the one that governs referrals sent now
 * @param fallback whether it is the default protocol, which governs referrals no other protocol covers
 */
public record ProtocolView(String code, int version, String name, String description, String leadAgency,
                           List<String> notifyAgencies, Scope scope, Map<Urgency, Periods> deadlines,
                           List<SharedData> requiredSharedData, boolean current, boolean fallback,
                           OffsetDateTime createdAt, String createdBy) {

    public record Scope(String workingGroup, List<ServiceType> services) {
    }

    public record Periods(String acknowledge, String respond, String firstContact, String escalateAfter) {
    }

    static ProtocolView of(ProtocolVersion v, boolean current, boolean fallback) {
        Map<Urgency, Periods> deadlines = new EnumMap<>(Urgency.class);
        ProtocolTerms terms = ProtocolTerms.of(v);
        for (Urgency urgency : Urgency.values()) {
            DeadlinePeriods p = terms.deadlinesFor(urgency);
            deadlines.put(urgency, new Periods(p.acknowledge, p.respond, p.firstContact, p.escalateAfter));
        }
        return new ProtocolView(v.code, v.version, v.name, v.description, v.leadAgency,
                v.notifyAgencies.stream().sorted().toList(),
                new Scope(v.scopeWorkingGroup, v.scopeServices.stream().sorted().toList()), deadlines,
                v.requiredSharedData.stream().sorted().toList(), current, fallback, v.createdAt, v.createdByName);
    }
}
