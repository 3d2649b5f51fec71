package org.uputnica.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.person.Person;
import org.uputnica.events.Actor;
import org.uputnica.events.CaseCreated;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Opens and reads cases; the caller's agency owns what it opens. */
@ApplicationScoped
public class CaseRegistry {

    @Inject
    Outbox outbox;

    @Inject
    AccessAudit audit;

    @Inject
    CaseReferences references;

    @Inject
    Clock clock;

    @Transactional
    public CaseView open(Caller caller, NewCase input) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.givenName = input.person().givenName().strip();
        person.familyName = input.person().familyName().strip();
        person.dateOfBirth = input.person().dateOfBirth();
        person.sex = input.person().sex();
        person.persist();

        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.reference = references.next(caller.agency(), now.getYear());
        c.person = person;
        c.category = input.category();
        c.ownerAgency = caller.agency();
        c.createdBy = caller.userId();
        c.createdAt = now;
        c.persist();

        audit.record(caller, c.id, AccessAudit.Action.CREATE, "case opened by owner agency");
        outbox.publish(EventType.CASE_CREATED, c.id,
                new CaseCreated(c.id, c.ownerAgency, c.category.name(), new Actor(caller.agency(), caller.userId())));
        return CaseView.of(c);
    }

    /** The case with its person, for the owner agency only; others learn nothing, not even that it exists. */
    @Transactional
    public CaseView read(Caller caller, UUID id) {
        CaseFile c = CaseFile.findById(id);
        if (c == null || !c.ownerAgency.equals(caller.agency())) {
            throw ProblemException.notFound("no case " + id + " in your agency");
        }
        audit.record(caller, c.id, AccessAudit.Action.READ, "owner agency");
        return CaseView.of(c);
    }

    @Transactional
    public CaseOwnership ownership(UUID id) {
        CaseFile c = CaseFile.findById(id);
        if (c == null) {
            throw ProblemException.notFound("no case " + id);
        }
        return new CaseOwnership(c.id, c.ownerAgency);
    }
}
