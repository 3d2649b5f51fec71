package org.uputnica.referrals.caseaccess;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.uputnica.events.CaseAnonymised;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.CaseTransferred;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.SharedData;
import org.uputnica.events.Topic;
import org.uputnica.platform.inbox.EventBatches;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.uputnica.referrals.consent.ConsentTerms;
import org.uputnica.referrals.consent.Consents;
import org.uputnica.referrals.consent.SharingRevocation;
import org.uputnica.referrals.erasure.CaseErasure;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Applies the case-service's events: who owns a case (the ownership projection), what consents allow (the consent
 * projection), a withdrawn consent (revokes the sharing of the open referrals under it) and an anonymised case
 * (erases the free text kept about it). A batch of them in one transaction with their processed-event records.
 */
@ApplicationScoped
public class CaseEventsConsumer {
    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    /** The name in {@code processed_event}; kept from when ownership was all this consumer applied. */
    static final String CONSUMER = "referral-service.case-ownership";

    private static final Set<String> APPLIED = Set.of(EventType.CASE_CREATED.value(),
            EventType.CASE_TRANSFERRED.value(), EventType.CASE_CONSENT_RECORDED.value(),
            EventType.CASE_CONSENT_WITHDRAWN.value(), EventType.CASE_ANONYMISED.value());

    @Inject
    EventBatches batches;

    @Inject
    CaseOwners owners;

    @Inject
    Consents consents;

    @Inject
    SharingRevocation revocation;

    @Inject
    CaseErasure erasure;

    /** A batch at a time, in its records' order, in one transaction ({@link EventBatches}). */
    @Incoming("case-events")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CONSUMER, batch, Topic.CASE_EVENTS, APPLIED::contains, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType type = EventType.fromValue(event.type()).orElseThrow();
        switch (type) {
            case CASE_CREATED -> {
                CaseCreated created = EventJson.data(event, CaseCreated.class);
                if (created.caseId() == null || created.ownerAgency() == null) {
                    throw new InvalidEventException("case.created without caseId or ownerAgency");
                }
                owners.record(created.caseId(), created.ownerAgency(), event.time());
            }
            case CASE_TRANSFERRED -> {
                CaseTransferred transferred = EventJson.data(event, CaseTransferred.class);
                if (transferred.caseId() == null || transferred.toAgency() == null) {
                    throw new InvalidEventException("case.transferred without caseId or toAgency");
                }
                owners.record(transferred.caseId(), transferred.toAgency(), event.time());
            }
            case CASE_CONSENT_RECORDED -> consents.record(terms(event, false), event.time());
            case CASE_CONSENT_WITHDRAWN -> {
                ConsentTerms withdrawn = terms(event, true);
                List<UUID> revoked = revocation.withdrawn(withdrawn, event.time());
                LOG.infof("consent %s withdrawn: sharing revoked on %d referral(s)", withdrawn.consentId(), revoked.size());
            }
            case CASE_ANONYMISED -> {
                CaseAnonymised anonymised = EventJson.data(event, CaseAnonymised.class);
                if (anonymised.caseId() == null) {
                    throw new InvalidEventException("case.anonymised without caseId");
                }
                int referrals = erasure.anonymise(anonymised.caseId(), event.time());
                LOG.infof("case %s anonymised: free text of %d referral(s) erased", anonymised.caseId(), referrals);
            }
            default -> throw new IllegalStateException("not applied here: " + type);
        }
    }

    /** A withdrawal that does not say when is dated by its event. */
    private static ConsentTerms terms(EventEnvelope event, boolean withdrawal) {
        ConsentChanged c = EventJson.data(event, ConsentChanged.class);
        if (c.consentId() == null || c.caseId() == null || c.validFrom() == null
                || (c.toAgency() == null && c.toAgencyKind() == null)) {
            throw new InvalidEventException(event.type() + " without consentId, caseId, validFrom, or toAgency and "
                    + "toAgencyKind");
        }
        List<SharedData> data;
        try {
            data = ConsentTerms.kindsOf(c.data());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(event.type() + " with " + e.getMessage(), e);
        }
        return new ConsentTerms(c.consentId(), c.caseId(), c.toAgency(), c.toAgencyKind(), data, c.validFrom(),
                c.validUntil(), withdrawal && c.withdrawnAt() == null ? event.time() : c.withdrawnAt());
    }
}
