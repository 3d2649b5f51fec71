package org.uputnica.cases.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.uputnica.cases.access.CaseReferral;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseTransferred;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.ReferralChanged;
import org.uputnica.platform.outbox.Outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Applies accepted transfer referrals (called by {@link org.uputnica.cases.access.ReferralEventsConsumer}): the case now belongs to the receiving agency (for example the CSR as the
 * guardianship authority). The move is recorded and announced, so the referral-service's owner check follows. Only
 * a transfer that the case's current owner sent itself moves it (its SENT event, seen before the acceptance).
 */
@ApplicationScoped
public class TransferApplier {
    private static final Logger LOG = Logger.getLogger(TransferApplier.class);
    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** In the consumer's transaction. */
    public void apply(EventEnvelope event) {
        if (!EventType.REFERRAL_ACCEPTED.value().equals(event.type())) {
            return;
        }
        ReferralChanged accepted = EventJson.data(event, ReferralChanged.class);
        if (!"TRANSFER".equals(accepted.kind())) {
            return;
        }
        if (accepted.caseId() == null || accepted.toAgency() == null || accepted.fromAgency() == null) {
            throw new InvalidEventException("accepted transfer without caseId, fromAgency or toAgency");
        }
        CaseFile c = CaseFile.findById(accepted.caseId());
        if (c == null) {
            throw new InvalidEventException("accepted transfer of unknown case " + accepted.caseId());
        }
        if (!c.ownerAgency.equals(accepted.fromAgency())) {
            // The case moved on since the transfer was sent (another transfer won): keep the current owner.
            LOG.warnf("transfer %s of case %s from %s ignored: the case belongs to %s", accepted.referralId(),
                    c.id, accepted.fromAgency(), c.ownerAgency);
            return;
        }
        CaseReferral sent = CaseReferral.findById(accepted.referralId());
        if (sent == null || !c.ownerAgency.equals(sent.sentByAgency)) {
            // Checked here too, not only by the referral-service: the owner must have sent this transfer itself. One
            // made by forwarding (sent by the receiver of another referral) would hand the case to an agency the
            // owner never chose; one whose sending was never seen cannot be told apart from it.
            LOG.warnf("transfer %s of case %s ignored: sent by %s, not by the owner %s", accepted.referralId(), c.id,
                    sent == null ? "an unknown agency" : sent.sentByAgency, c.ownerAgency);
            return;
        }
        CaseOwnershipChange change = new CaseOwnershipChange();
        change.caseId = c.id;
        change.at = OffsetDateTime.now(clock);
        change.fromAgency = c.ownerAgency;
        change.toAgency = accepted.toAgency();
        change.referralId = accepted.referralId();
        change.acceptedBy = accepted.actor() == null ? "unknown" : accepted.actor().userId();
        change.persist();
        c.ownerAgency = accepted.toAgency();
        outbox.publish(EventType.CASE_TRANSFERRED, c.id, new CaseTransferred(c.id, change.fromAgency, change.toAgency,
                accepted.referralId(), accepted.actor() == null ? new Actor(accepted.toAgency(), "unknown")
                        : accepted.actor()));
    }
}
