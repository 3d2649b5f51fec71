package org.uputnica.cases.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.cases.consent.Consent;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.ReferralChanged;

import java.util.ArrayList;
import java.util.UUID;

/**
 * Keeps {@link CaseReferral} as the referral events tell it. A referral whose sender does not own the case is
 * ignored (only the owner refers a case). An event older than the newest one applied for the
 * same referral is ignored (the outbox relay may deliver a referral's events out of order after a failure); a
 * revocation (consent withdrawn) stays whatever comes later.
 */
@ApplicationScoped
public class CollaborationTracker {
    private static final Logger LOG = Logger.getLogger(CollaborationTracker.class);

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        ReferralChanged change = EventJson.data(event, ReferralChanged.class);
        if (change.referralId() == null || change.caseId() == null || change.status() == null
                || change.fromAgency() == null || change.toAgency() == null) {
            throw new org.uputnica.events.InvalidEventException("referral event without referralId, caseId, status or agencies");
        }
        CaseFile c = CaseFile.findById(change.caseId());
        if (c == null) {
            return; // not a case of ours (another deployment's case-service, or a case created before a reset)
        }
        CaseReferral r = CaseReferral.findById(change.referralId());
        if (r == null && !c.ownerAgency.equals(change.fromAgency())) {
            // only the owner refers a case: a referral "from" another agency grants nothing
            LOG.warnf("referral %s of case %s from %s ignored: the case belongs to %s", change.referralId(), c.id,
                    change.fromAgency(), c.ownerAgency);
            return;
        }
        if (r == null) {
            r = new CaseReferral();
            r.referralId = change.referralId();
            r.caseId = change.caseId();
            r.fromAgency = change.fromAgency();
            r.toAgency = change.toAgency();
        }
        if (r.sentByAgency == null && EventType.REFERRAL_SENT.value().equals(event.type()) && change.actor() != null) {
            r.sentByAgency = change.actor().agency(); // whatever order the events come in
        }
        if (r.eventTime != null && event.time().isBefore(r.eventTime)) {
            if ("ACCEPTED".equals(change.status()) && r.acceptedAt == null) {
                r.acceptedAt = event.time(); // a late acceptance still tells when access began
            }
            return;
        }
        r.kind = change.kind() == null ? "REFERRAL" : change.kind();
        r.status = change.status();
        r.workingGroup = change.workingGroup();
        if (change.sharingBasis() != null) {
            r.sharingBasis = change.sharingBasis();
            r.consentId = change.consentId();
            r.sharedData = new ArrayList<>(change.sharedData());
        }
        if (r.revokedAt == null && r.consentId != null) {
            Consent consent = Consent.findById(r.consentId);
            if (consent != null && consent.withdrawnAt != null) {
                r.revokedAt = consent.withdrawnAt; // sent while the withdrawal was on its way: revoked as it arrives
            }
        }
        if ("ACCEPTED".equals(change.status()) && r.acceptedAt == null) {
            r.acceptedAt = event.time();
        }
        if (CaseReferral.CLOSED.contains(change.status())) {
            if (r.closedAt == null) {
                r.closedAt = event.time();
            }
        }
        r.eventTime = event.time();
        r.persist();
    }

    /** The consent behind these referrals was withdrawn: their receivers lose access at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeConsent(UUID consentId, java.time.OffsetDateTime at) {
        return CaseReferral.update("revokedAt = ?1 where consentId = ?2 and revokedAt is null", at, consentId);
    }
}
