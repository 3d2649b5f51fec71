package org.uputnica.cases.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.cases.CaseProblems;
import org.uputnica.cases.access.CaseAccess;
import org.uputnica.cases.access.CaseAccessPolicy;
import org.uputnica.cases.access.CollaborationTracker;
import org.uputnica.cases.audit.AccessAudit;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.cases.document.CaseDocument;
import org.uputnica.events.Actor;
import org.uputnica.events.ConsentChanged;
import org.uputnica.events.EventType;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Consent records of the owner agency. Recording and withdrawing one is announced (without who gave it) so that
 * the referral-service checks referrals against it and stops sharing when it is withdrawn; here the receivers'
 * access that rested on a withdrawn consent ends in the same transaction.
 */
@ApplicationScoped
public class Consents {

    @Inject
    CaseAccessPolicy policy;

    @Inject
    AccessAudit audit;

    @Inject
    org.uputnica.cases.access.CaseLookup lookup;

    @Inject
    Outbox outbox;

    @Inject
    CollaborationTracker collaborations;

    @Inject
    Clock clock;

    @Transactional
    public ConsentView record(Caller caller, UUID caseId, ConsentInput in) {
        CaseFile c = policy.owner(caller, caseId).caseFile();
        if ((in.toAgency() == null) == (in.toAgencyKind() == null)) {
            throw ProblemException.invalidField("toAgency", "name either toAgency or toAgencyKind, not both or neither");
        }
        if (in.validUntil() != null && in.validUntil().isBefore(in.validFrom())) {
            throw ProblemException.invalidField("validUntil", "must not be before validFrom");
        }
        if (in.method() == ConsentInput.Method.VERBAL_WITH_WITNESS && (in.witness() == null || in.witness().isBlank())) {
            throw ProblemException.invalidField("witness", "is required for consent given verbally");
        }
        if (in.documentId() != null && CaseDocument.count("id = ?1 and caseId = ?2", in.documentId(), caseId) == 0) {
            throw ProblemException.invalidField("documentId", "is not a document of this case");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = c.id;
        consent.givenBy = in.givenBy();
        consent.giverName = in.giverName().strip();
        consent.purpose = in.purpose().strip();
        consent.toAgency = in.toAgency() == null ? null : in.toAgency().strip();
        consent.toAgencyKind = in.toAgencyKind();
        consent.data = new ArrayList<>(in.data().stream().map(Enum::name).sorted().toList());
        consent.validFrom = in.validFrom();
        consent.validUntil = in.validUntil();
        consent.method = in.method();
        consent.witness = in.witness();
        consent.documentId = in.documentId();
        consent.recordedAt = now;
        consent.recordedBy = caller.username();
        consent.persist();
        audit.record(caller, c.id, AccessAudit.Action.CREATE, "consent " + consent.id + " recorded", "OWNER", consent.id);
        outbox.publish(EventType.CASE_CONSENT_RECORDED, c.id, changed(consent, c, caller));
        return ConsentView.of(consent, LocalDate.now(clock));
    }

    @Transactional
    public List<ConsentView> list(Caller caller, UUID caseId) {
        CaseAccess access = policy.owner(caller, caseId);
        audit.record(caller, access, AccessAudit.Action.READ, "consents read");
        LocalDate today = LocalDate.now(clock);
        return Consent.<Consent>list("caseId = ?1 order by recordedAt", caseId).stream()
                .map(c -> ConsentView.of(c, today)).toList();
    }

    @Transactional
    public ConsentView read(Caller caller, UUID caseId, UUID consentId) {
        CaseAccess access = policy.owner(caller, caseId);
        Consent consent = find(caseId, consentId);
        audit.record(caller, access.caseFile().id, AccessAudit.Action.READ, "consent read", "OWNER", consentId);
        return ConsentView.of(consent, LocalDate.now(clock));
    }

    /** Ids and codes only: for the referral-service, the owner and the parties of an open referral (audited). */
    @Transactional
    public ConsentTerms terms(UUID caseId, UUID consentId) {
        lookup.require(caseId, "consent terms look-up", consentId);
        return ConsentTerms.of(find(caseId, consentId));
    }

    @Transactional
    public ConsentView withdraw(Caller caller, UUID caseId, UUID consentId, Withdrawal withdrawal) {
        CaseFile c = policy.owner(caller, caseId).caseFile();
        Consent consent = find(caseId, consentId);
        if (consent.withdrawnAt != null) {
            throw ProblemException.conflict(CaseProblems.CONSENT_WITHDRAWN,
                    "the consent was withdrawn on " + consent.withdrawnAt);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        consent.withdrawnAt = now;
        consent.withdrawnBy = caller.username();
        consent.withdrawalNote = withdrawal == null ? null : withdrawal.note();
        collaborations.revokeConsent(consent.id, now);
        audit.record(caller, c.id, AccessAudit.Action.UPDATE, "consent " + consent.id + " withdrawn", "OWNER", consent.id);
        outbox.publish(EventType.CASE_CONSENT_WITHDRAWN, c.id, changed(consent, c, caller));
        return ConsentView.of(consent, LocalDate.now(clock));
    }

    private static Consent find(UUID caseId, UUID consentId) {
        Consent consent = Consent.findById(consentId);
        if (consent == null || !consent.caseId.equals(caseId)) {
            throw ProblemException.notFound("no consent " + consentId + " in case " + caseId);
        }
        return consent;
    }

    private static ConsentChanged changed(Consent consent, CaseFile c, Caller caller) {
        return new ConsentChanged(consent.id, c.id, c.ownerAgency, consent.toAgency, consent.toAgencyKind,
                consent.data, consent.validFrom, consent.validUntil, consent.withdrawnAt,
                new Actor(caller.agency(), caller.userId()));
    }
}
