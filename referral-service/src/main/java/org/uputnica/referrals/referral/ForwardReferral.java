package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The FORWARD action, inside {@link ActOnReferral}'s transaction: the receiver (or the coordinator) re-routes a
 * referral it cannot serve. A new referral goes from the original sender to the new agency with the same case,
 * kind, service, urgency, reason and sharing basis, and this one becomes FORWARDED.
 */
@ApplicationScoped
class ForwardReferral {
    private final SendReferral sending;
    private final ReferralChanges changes;
    private final ReferralGroupRules groups;
    private final Clock clock;

    ForwardReferral(SendReferral sending, ReferralChanges changes, ReferralGroupRules groups, Clock clock) {
        this.sending = sending;
        this.changes = changes;
        this.groups = groups;
        this.clock = clock;
    }

    void forward(Caller caller, Referral r, String toAgency, String note) {
        SharingPolicy.requireForwardable(r.kind);
        String target = sending.requireTarget(toAgency, "toAgency", r.toAgency);
        if (target.equals(r.fromAgency)) {
            throw ProblemException.invalidField("toAgency", "must be another agency than the sender");
        }
        Sharing sharing = r.sharing();
        SharingPolicy.requireConsentRecord(sharing);
        sending.requireConsent(r.caseId, target, sharing); // the consent must name the new receiver too

        Referral next = copyFor(caller, r, target);
        changes.send(caller, next, null, r.id);
        r.forwardedTo = next.id;
        changes.transition(caller, r, ReferralAction.FORWARD, null, note, next.id, null);
        if (r.groupId != null) {
            groups.closeIfExhausted(r.groupId); // the forwarded referral is no longer a candidate of the request
        }
    }

    /** The new referral, still a draft: it inherits all but the receiver and the group. */
    private Referral copyFor(Caller caller, Referral r, String target) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral next = new Referral();
        next.id = UUID.randomUUID();
        next.caseId = r.caseId;
        next.kind = r.kind;
        next.fromAgency = r.fromAgency; // the loop still closes with the original sender
        next.toAgency = target;
        next.service = r.service;
        next.urgency = r.urgency;
        next.reason = r.reason;
        next.sharingBasis = r.sharingBasis;
        next.consentId = r.consentId;
        next.consentReference = r.consentReference;
        next.legalBasis = r.legalBasis;
        next.sharedData = r.sharedData;
        next.forwardedFrom = r.id;
        next.status = ReferralStatus.DRAFT;
        next.createdBy = caller.userId();
        next.createdAt = now;
        next.updatedAt = now;
        return next;
    }
}
