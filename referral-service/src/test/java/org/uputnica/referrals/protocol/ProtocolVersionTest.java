package org.uputnica.referrals.protocol;

import org.junit.jupiter.api.Test;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolVersionTest {

    static ProtocolVersion version(String workingGroup, ServiceType... services) {
        ProtocolVersion v = new ProtocolVersion();
        v.scopeWorkingGroup = workingGroup;
        v.scopeServices.addAll(java.util.List.of(services));
        return v;
    }

    static ProtocolTerms scoped(String workingGroup, ServiceType... services) {
        return ProtocolTerms.of(version(workingGroup, services));
    }

    @Test
    void aScopeCoversItsWorkingGroupAndServicesAndAnEmptyPartCoversAll() {
        ProtocolTerms local = scoped("kikinda-child-protection", ServiceType.SHELTER);
        assertTrue(local.covers("kikinda-child-protection", ServiceType.SHELTER));
        assertFalse(local.covers("kikinda-child-protection", ServiceType.LEGAL_AID));
        assertFalse(local.covers("bijeljina-child-protection", ServiceType.SHELTER));
        assertFalse(local.covers(null, ServiceType.SHELTER), "a referral outside any group is not the group's");

        ProtocolTerms wholeGroup = scoped("kikinda-child-protection");
        assertTrue(wholeGroup.covers("kikinda-child-protection", ServiceType.LEGAL_AID));

        ProtocolTerms national = scoped(null, ServiceType.GUARDIANSHIP);
        assertTrue(national.covers(null, ServiceType.GUARDIANSHIP));
        assertTrue(national.covers("bijeljina-child-protection", ServiceType.GUARDIANSHIP));
        assertFalse(national.covers(null, ServiceType.SHELTER));
    }

    @Test
    void aWorkingGroupIsMoreSpecificThanServices() {
        int groupAndService = scoped("g", ServiceType.SHELTER).specificity();
        int group = scoped("g").specificity();
        int service = scoped(null, ServiceType.SHELTER).specificity();
        int none = scoped(null).specificity();
        assertTrue(groupAndService > group && group > service && service > none);
    }

    @Test
    void aMissingUrgencyReadsAsTheFormsDefaults() {
        ProtocolVersion stored = version("g");
        stored.deadlines.put(Urgency.URGENT, new DeadlinePeriods("PT6H", "PT12H", "P2D", "PT6H"));
        ProtocolTerms v = ProtocolTerms.of(stored);
        assertEquals(Duration.ofHours(6), v.deadlinesFor(Urgency.URGENT).acknowledgeWithin());
        assertEquals(Duration.ofHours(24), v.deadlinesFor(Urgency.EMERGENCY).acknowledgeWithin());
        assertEquals(Duration.ofDays(14), v.deadlinesFor(Urgency.ROUTINE).acknowledgeWithin());
        assertEquals(Duration.ofDays(14), v.deadlinesFor(Urgency.ROUTINE).escalateAfterPeriod());
    }
}
