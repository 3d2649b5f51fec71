package org.uputnica.cases.linking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.RecordsLinked;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Suggests that another agency's record is the same person, and links the two when a caseworker of either agency
 * confirms. Only the owner agency's caseworkers and supervisors work with a case's suggestions and links, and they
 * learn of the other record only which agency holds it.
 */
@ApplicationScoped
public class RecordLinking {
    /** The basis of the audit row written on the other agency's case when its record is shown as a possible match. */
    static final String AUDIT_BASIS = "RECORD_LINKING";

    @Inject
    CaseAccessPolicy policy;

    @Inject
    MatchCandidates candidates;

    @Inject
    LinkingConfig config;

    @Inject
    AccessAudit audit;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * The possible matches of the case in other agencies, within the scope asked for, scored now: new ones are
     * stored, the scores of pending ones brought up to date, and pending ones in scope that no longer match dropped.
     * Decided pairs are not suggested again.
     */
    @Transactional
    public List<MatchSuggestionView> suggestions(Caller caller, UUID caseId, String purpose) {
        CaseAccess access = policy.owner(caller, caseId);
        SearchScope scope = SearchScope.of(caller, purpose);
        CaseFile subject = access.caseFile();
        Map<UUID, RecordMatch> known = new HashMap<>();
        for (RecordMatch m : RecordMatch.<RecordMatch>list("caseA = ?1 or caseB = ?1", caseId)) {
            known.put(m.other(caseId), m);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MatchSuggestionView> shown = new ArrayList<>();
        Map<UUID, UUID> shownOther = new HashMap<>();
        if (subject.anonymisedAt == null) {
            MatchProfile profile = MatchProfile.of(subject.person);
            MatchScorer scorer = new MatchScorer(config.ageToleranceYears());
            for (CaseFile other : candidates.of(subject, profile, scope)) {
                scorer.score(profile, MatchProfile.of(other.person))
                        .filter(match -> match.score() >= config.minScore())
                        .flatMap(match -> suggest(caseId, other.id, known.remove(other.id), match, now))
                        .ifPresent(m -> {
                            shown.add(MatchSuggestionView.of(m, other.ownerAgency, null));
                            shownOther.put(m.id, other.id);
                        });
            }
        }
        Map<UUID, RecordMatch> pending = new HashMap<>();
        known.forEach((other, m) -> {
            if (m.status == MatchStatus.SUGGESTED) {
                pending.put(other, m);
            }
        });
        // a pending pair out of this request's scope was not compared again: it stays for whoever may see it
        for (UUID other : candidates.comparedAgain(subject, pending.keySet(), scope)) {
            // the person changed and no longer matches
            em.createNativeQuery("delete from record_match where id = :id and status = 'SUGGESTED'")
                    .setParameter("id", pending.get(other).id).executeUpdate();
        }
        audit.record(caller, access, AccessAudit.Action.READ, scope.auditPurpose());
        for (MatchSuggestionView s : shown) {
            // the other agency's child was compared, and what agrees shown: "who saw this child's data" includes it
            audit.record(caller, shownOther.get(s.id()), AccessAudit.Action.READ,
                    scope.otherSideAuditPurpose(caller.agency()), AUDIT_BASIS, s.id());
        }
        shown.sort(Comparator.comparingDouble(MatchSuggestionView::score).reversed());
        return shown;
    }

    /** Confirms a suggestion: the records are linked, and records-linked is announced. */
    @Transactional
    public MatchSuggestionView confirm(Caller caller, UUID caseId, UUID suggestionId, Decision decision) {
        CaseAccess access = policy.owner(caller, caseId);
        RecordMatch m = undecided(caseId, suggestionId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        decide(m, MatchStatus.CONFIRMED, caller, decision, now);

        RecordLink link = new RecordLink();
        link.id = UUID.randomUUID();
        link.matchId = m.id;
        link.caseA = m.caseA;
        link.caseB = m.caseB;
        link.linkedAt = now;
        link.linkedBy = caller.userId();
        link.linkedByUsername = caller.username();
        link.linkedByAgency = caller.agency();
        link.note = m.note;
        link.persist();

        UUID otherId = m.other(caseId);
        String otherAgency = ownerOf(List.of(otherId)).get(otherId);
        outbox.publish(EventType.CASE_RECORDS_LINKED, caseId, new RecordsLinked(link.id, caseId,
                access.caseFile().ownerAgency, otherId, otherAgency, new Actor(caller.agency(), caller.userId())));
        audit.record(caller, access, AccessAudit.Action.UPDATE, "record link confirmed");
        return MatchSuggestionView.of(m, otherAgency, link.id);
    }

    /** Rejects a suggestion: the two are different people, and the pair is not suggested again to either agency. */
    @Transactional
    public MatchSuggestionView reject(Caller caller, UUID caseId, UUID suggestionId, Decision decision) {
        CaseAccess access = policy.owner(caller, caseId);
        RecordMatch m = undecided(caseId, suggestionId);
        decide(m, MatchStatus.REJECTED, caller, decision, OffsetDateTime.now(clock));
        audit.record(caller, access, AccessAudit.Action.UPDATE, "match suggestion rejected");
        UUID otherId = m.other(caseId);
        return MatchSuggestionView.of(m, ownerOf(List.of(otherId)).get(otherId), null);
    }

    /** The case's links, oldest first: the dissolved ones too, so that both agencies see that and why one ended. */
    @Transactional
    public List<RecordLinkView> links(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        List<RecordLink> links = RecordLink.list("caseA = ?1 or caseB = ?1", Sort.by("linkedAt"), caseId);
        Map<UUID, String> owners = ownerOf(links.stream().map(l -> l.other(caseId)).toList());
        audit.record(caller, access, AccessAudit.Action.READ, "record links");
        return links.stream().map(l -> RecordLinkView.of(l, owners.get(l.other(caseId)), caller.agency())).toList();
    }

    /** Stores a new suggestion or brings a pending one up to date; empty when the pair was already decided. */
    private Optional<RecordMatch> suggest(UUID caseId, UUID otherId, RecordMatch known,
                                                    MatchScorer.Match match, OffsetDateTime now) {
        String reasons = reasonsJson(match);
        if (known == null) {
            UUID[] pair = RecordMatch.ordered(caseId, otherId);
            // the other agency may be finding the same pair right now: one row wins, both use it
            em.createNativeQuery("""
                            insert into record_match (id, case_a, case_b, status, score, reasons, suggested_at)
                            values (:id, :a, :b, 'SUGGESTED', :score, cast(:reasons as jsonb), :at)
                            on conflict (case_a, case_b) do nothing""")
                    .setParameter("id", UUID.randomUUID()).setParameter("a", pair[0]).setParameter("b", pair[1])
                    .setParameter("score", match.score()).setParameter("reasons", reasons).setParameter("at", now)
                    .executeUpdate();
            known = RecordMatch.<RecordMatch>find("caseA = ?1 and caseB = ?2", pair[0], pair[1]).firstResult();
        } else if (known.status == MatchStatus.SUGGESTED) {
            // a plain update that a concurrent decision (which locks the row) wins against
            em.createNativeQuery("""
                            update record_match set score = :score, reasons = cast(:reasons as jsonb), version = version + 1
                            where id = :id and status = 'SUGGESTED'""")
                    .setParameter("score", match.score()).setParameter("reasons", reasons)
                    .setParameter("id", known.id).executeUpdate();
            em.refresh(known);
        }
        return known.status == MatchStatus.SUGGESTED ? Optional.of(known) : Optional.empty();
    }

    /** The suggestion, locked, if it belongs to this case and waits for a decision. */
    private RecordMatch undecided(UUID caseId, UUID suggestionId) {
        RecordMatch m = RecordMatch.findById(suggestionId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.involves(caseId)) {
            throw ProblemException.notFound("no match suggestion " + suggestionId + " for case " + caseId);
        }
        if (m.status != MatchStatus.SUGGESTED) {
            throw ProblemException.conflict(LinkingProblems.MATCH_ALREADY_DECIDED, "the suggestion was already "
                    + m.status.name().toLowerCase(Locale.ROOT) + " by " + m.decidedByAgency + " on " + m.decidedAt);
        }
        return m;
    }

    /** Records who decided the pair, when and how; a decision without a note (null) leaves none. */
    static void decide(RecordMatch m, MatchStatus status, Caller caller, Decision decision, OffsetDateTime now) {
        m.status = status;
        m.decidedAt = now;
        m.decidedBy = caller.userId();
        m.decidedByUsername = caller.username();
        m.decidedByAgency = caller.agency();
        m.note = note(decision == null ? null : decision.note());
    }

    /** A caseworker's free-text note as stored: stripped, and none when blank. */
    static String note(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The owner agency of each case (its alias: all that either side learns of the other's record). */
    static Map<UUID, String> ownerOf(Collection<UUID> caseIds) {
        Map<UUID, String> owners = new HashMap<>();
        if (!caseIds.isEmpty()) {
            for (Object[] row : CaseFile.getEntityManager()
                    .createQuery("select c.id, c.ownerAgency from CaseFile c where c.id in :ids", Object[].class)
                    .setParameter("ids", caseIds).getResultList()) {
                owners.put((UUID) row[0], (String) row[1]);
            }
        }
        return owners;
    }

    private String reasonsJson(MatchScorer.Match match) {
        try {
            return json.writeValueAsString(match.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write match reasons", e);
        }
    }
}
