package org.uputnica.referrals.caseaccess;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.CaseTransferred;
import org.uputnica.events.InvalidEventException;
import org.uputnica.events.EventEnvelope;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.platform.inbox.EventInbox;

/** Keeps the case ownership projection up to date from the case-service's events. */
@ApplicationScoped
public class CaseEventsConsumer {
    static final String CONSUMER = "referral-service.case-ownership";

    @Inject
    EventInbox inbox;

    @Inject
    CaseOwners owners;

    @Incoming("case-events")
    @Blocking
    public void consume(String message) {
        inbox.handle(CONSUMER, message, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (EventType.CASE_CREATED.value().equals(event.type())) {
            CaseCreated created = EventJson.data(event, CaseCreated.class);
            if (created.caseId() == null || created.ownerAgency() == null) {
                throw new InvalidEventException("case.created without caseId or ownerAgency");
            }
            owners.record(created.caseId(), created.ownerAgency(), event.time());
        } else if (EventType.CASE_TRANSFERRED.value().equals(event.type())) {
            CaseTransferred transferred = EventJson.data(event, CaseTransferred.class);
            if (transferred.caseId() == null || transferred.toAgency() == null) {
                throw new InvalidEventException("case.transferred without caseId or toAgency");
            }
            owners.record(transferred.caseId(), transferred.toAgency(), event.time());
        }
    }
}
