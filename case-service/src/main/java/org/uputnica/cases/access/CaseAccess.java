package org.uputnica.cases.access;

import org.uputnica.cases.casefile.CaseFile;

import java.util.Set;
import java.util.UUID;

/**
 * A caller's access to one case.
 *
 * @param sharedData for a collaborator: the kinds of data shared with its agency (SharedData codes)
 * @param basisId    the referral that gives a collaborator or coordinator access; null for the owner
 */
public record CaseAccess(CaseFile caseFile, Capacity capacity, Set<String> sharedData, UUID basisId) {
    public CaseAccess {
        sharedData = Set.copyOf(sharedData);
    }

    public boolean owner() {
        return capacity == Capacity.OWNER;
    }

    public boolean shares(String kind) {
        return owner() || sharedData.contains(kind);
    }

    /** How the audit names the basis of a read. */
    public String basis() {
        return switch (capacity) {
            case OWNER -> "OWNER";
            case COLLABORATOR -> "COLLABORATION";
            case COORDINATOR -> "COORDINATION";
        };
    }
}
