package org.uputnica.cases.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.RecordsUnlinked;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Undoes a wrongly confirmed link. Whoever may confirm a suggestion on a case may dissolve that case's links: the
 * owner agency's caseworkers and supervisors, of either side, each on its own case. The link is kept, marked
 * dissolved, and the pair is rejected so that it is not suggested again.
 */
@ApplicationScoped
public class RecordUnlinking {

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public RecordLinkView dissolve(Caller caller, UUID caseId, UUID linkId, LinkDissolution request) {
        CaseAccess access = policy.owner(caller, caseId);
        RecordLink link = activeLink(caseId, linkId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        link.dissolvedAt = now;
        link.dissolvedBy = caller.userId();
        link.dissolvedByUsername = caller.username();
        link.dissolvedByAgency = caller.agency();
        link.dissolutionReason = request.reason();
        link.dissolutionNote = RecordLinking.note(request.note());

        // the pair stays decided, now as two different records: rescoring leaves decided pairs alone, so it is never
        // suggested again; who linked it, and the note, stay on the link
        RecordMatch match = RecordMatch.findById(link.matchId, LockModeType.PESSIMISTIC_WRITE);
        RecordLinking.decide(match, MatchStatus.REJECTED, caller, null, now);

        UUID otherId = link.other(caseId);
        String otherAgency = RecordLinking.ownerOf(List.of(otherId)).get(otherId);
        outbox.publish(EventType.CASE_RECORDS_UNLINKED, caseId, new RecordsUnlinked(link.id, caseId,
                access.caseFile().ownerAgency, otherId, otherAgency, request.reason().name(),
                new Actor(caller.agency(), caller.userId())));
        audit.record(caller, caseId, AccessAudit.Action.UPDATE, "record link dissolved", access.basis(), link.id);
        return RecordLinkView.of(link, otherAgency, caller.agency());
    }

    /** The link, locked, if it is one of this case's and still in force: two dissolutions cannot both win. */
    private static RecordLink activeLink(UUID caseId, UUID linkId) {
        RecordLink link = RecordLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || !link.involves(caseId)) {
            throw ProblemException.notFound("no record link " + linkId + " of case " + caseId);
        }
        if (link.dissolvedAt != null) {
            throw ProblemException.conflict(LinkingProblems.LINK_ALREADY_DISSOLVED, "the link was already dissolved by "
                    + link.dissolvedByAgency + " on " + link.dissolvedAt);
        }
        return link;
    }
}
