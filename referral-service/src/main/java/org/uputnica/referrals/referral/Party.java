package org.uputnica.referrals.referral;

import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;

import java.util.EnumSet;
import java.util.Set;

/**
 * The capacities in which a caller may act on a referral. A caller may hold several (a coordinator who also
 * works at the sending agency); an action is allowed when one of them is among the action's parties.
 */
public enum Party {
    /** A caseworker or supervisor of the sending agency. */
    SENDER,
    /** A caseworker or supervisor of the receiving agency. */
    RECEIVER,
    /** The coordinator of the working group the referral belongs to. */
    COORDINATOR,
    /** Uputnica itself: deadlines and the first-accept-wins rule. */
    SYSTEM;

    public static Set<Party> of(Referral referral, Caller caller) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        boolean practitioner = caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR);
        if (practitioner && referral.fromAgency.equals(caller.agency())) {
            parties.add(SENDER);
        }
        if (practitioner && referral.toAgency.equals(caller.agency()) && referral.status != ReferralStatus.DRAFT) {
            parties.add(RECEIVER);
        }
        if (referral.workingGroup != null && referral.status != ReferralStatus.DRAFT
                && caller.coordinates(referral.workingGroup)) {
            parties.add(COORDINATOR);
        }
        return parties;
    }
}
