package org.uputnica.referrals.protocol;

import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one published protocol version lays down for the referrals it governs: its scope, the data a referral must
 * share and the deadlines. A published version never changes, so its terms are read from the database once
 * ({@link ProtocolCatalogue}) and the rules below are the only place that interprets them.
 */
public record ProtocolTerms(String code, int version, String scopeWorkingGroup, Set<ServiceType> scopeServices,
                            Set<SharedData> requiredSharedData, Map<Urgency, DeadlinePeriods> deadlines) {

    public ProtocolTerms {
        scopeServices = scopeServices.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopeServices));
        requiredSharedData = requiredSharedData.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredSharedData));
        deadlines = Map.copyOf(deadlines.isEmpty() ? Map.of() : new EnumMap<>(deadlines));
    }

    static ProtocolTerms of(ProtocolVersion v) {
        return new ProtocolTerms(v.code, v.version, v.scopeWorkingGroup, v.scopeServices, v.requiredSharedData,
                v.deadlines);
    }

    /** The deadlines for a referral of this urgency; every stored version has all three urgencies. */
    public DeadlinePeriods deadlinesFor(Urgency urgency) {
        DeadlinePeriods periods = deadlines.get(urgency);
        return periods != null ? periods : DeadlinePeriods.FORM_DEFAULTS.get(urgency);
    }

    /** Whether its scope covers a referral of this working group (null: none) and service. */
    public boolean covers(String workingGroup, ServiceType service) {
        return (scopeWorkingGroup == null || scopeWorkingGroup.equals(workingGroup))
                && (scopeServices.isEmpty() || scopeServices.contains(service));
    }

    /** A working group narrows more than a list of services: a local protocol overrides a national SOP there. */
    public int specificity() {
        return (scopeWorkingGroup != null ? 2 : 0) + (scopeServices.isEmpty() ? 0 : 1);
    }
}
