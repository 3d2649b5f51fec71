package org.uputnica.referrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.uputnica.identity.Caller;
import org.uputnica.platform.idempotency.Idempotency;
import org.uputnica.platform.idempotency.IdempotentRequest;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.consent.ConsentSettings;
import org.uputnica.referrals.consent.ConsentTerms;
import org.uputnica.referrals.directory.AgencyProfile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Creating and sending referrals: {@code POST /referrals} (a draft, or sent at once), {@code POST /referral-groups}
 * (one need to several candidates) and sending a draft. Each runs in one transaction, in this order: the receiver
 * (400), the case's owner (403), the {@link SharingPolicy} with the consent record (409, 403), then
 * {@link ReferralChanges#send}: protocol, history, deadlines, event. The case-service is asked only when a
 * projection misses, and then before the transaction ({@link CaseFacts}).
 */
@ApplicationScoped
public class SendReferral {
    public static final String CASE_NOT_OWNED = ProblemType.of("case-not-owned");

    private final CaseFacts facts;
    private final ReferralChanges changes;
    private final Clock clock;
    private final ConsentSettings consentSettings;
    private final Idempotency idempotency;

    SendReferral(CaseFacts facts, ReferralChanges changes, Clock clock, ConsentSettings consentSettings,
                 Idempotency idempotency) {
        this.facts = facts;
        this.changes = changes;
        this.clock = clock;
        this.consentSettings = consentSettings;
        this.idempotency = idempotency;
    }

    public ReferralView create(Caller caller, ReferralInput.NewReferral input) {
        return facts.inTransaction(() -> createInTransaction(caller, input));
    }

    /**
     * A create sent with an Idempotency-Key ({@code request}; null without one): the key's first answer, or a new
     * referral and its {@code answer}, with the key written in the referral's own transaction, so that a retry or a
     * concurrent duplicate never makes a second referral.
     */
    public Response create(Caller caller, ReferralInput.NewReferral input, IdempotentRequest request,
                           Function<ReferralView, Response> answer) {
        return facts.inTransaction(() -> idempotency.once(request, () -> answer.apply(createInTransaction(caller, input))));
    }

    private ReferralView createInTransaction(Caller caller, ReferralInput.NewReferral input) {
        requireOwner(caller, input.caseId()); // first: a caller who may not refer the case learns nothing of the input
        String receiver = requireTarget(input.toAgency(), "toAgency", caller.agency());
        Referral r = draft(caller, input.caseId(), receiver, input.service(), input.urgency(), input.reason());
        r.kind = input.kind() == null ? ReferralKind.REFERRAL : input.kind();
        if (Boolean.TRUE.equals(input.draft())) {
            if (input.sharing() != null) {
                r.share(input.sharing());
            }
            r.persist();
            changes.drafted(caller, r);
            return ReferralView.of(r, caller);
        }
        requireSharing(caller, r.kind, input.caseId(), receiver, input.sharing());
        r.share(input.sharing());
        changes.send(caller, r, null, null);
        return ReferralView.of(r, caller);
    }

    /** One need to several candidates; the first that accepts wins and the others are withdrawn. */
    public ReferralView.Group createGroup(Caller caller, ReferralInput.NewGroupReferral input) {
        return facts.inTransaction(() -> {
            requireOwner(caller, input.caseId());
            List<String> receivers = new ArrayList<>();
            for (String agency : input.toAgencies()) {
                receivers.add(requireTarget(agency, "toAgencies", caller.agency()));
            }
            for (String receiver : receivers) {
                requireSharing(caller, ReferralKind.REFERRAL, input.caseId(), receiver, input.sharingFor(receiver));
            }
            ReferralGroup group = new ReferralGroup();
            group.id = UUID.randomUUID();
            group.caseId = input.caseId();
            group.fromAgency = caller.agency();
            group.status = ReferralGroup.Status.OPEN;
            group.createdAt = OffsetDateTime.now(clock);
            group.persist();
            List<ReferralView> referrals = new ArrayList<>();
            for (String target : receivers.stream().sorted().toList()) {
                Referral r = draft(caller, input.caseId(), target, input.service(), input.urgency(), input.reason());
                r.groupId = group.id;
                r.share(input.sharingFor(target));
                changes.send(caller, r, null, null);
                referrals.add(ReferralView.of(r, caller));
            }
            return new ReferralView.Group(group.id, group.caseId, group.fromAgency, group.status, null, referrals);
        });
    }

    /** The SEND action on a draft, inside {@link ActOnReferral}'s transaction: the sharing given now or the draft's. */
    void sendDraft(Caller caller, Referral r, Sharing given) {
        Sharing sharing = given != null ? given : r.sharing();
        requireOwner(caller, r.caseId);
        SharingPolicy.requireBasis(caller, r.kind, sharing);
        requireConsent(r.caseId, r.toAgency, sharing);
        r.share(sharing);
        changes.send(caller, r, ReferralStatus.DRAFT, null);
    }

    /** The basis (who, what, for a transfer the whole file), then the consent record it names. */
    private void requireSharing(Caller caller, ReferralKind kind, UUID caseId, String receiver, Sharing sharing) {
        SharingPolicy.requireBasis(caller, kind, sharing);
        requireConsent(caseId, receiver, sharing);
    }

    /**
     * Under consent, its record must allow sending to {@code receiver} (or its kind) today; the consent stays
     * share-locked until commit. The agency row was read by {@link #requireTarget} in this transaction, so finding
     * it again here is served by the persistence context.
     */
    void requireConsent(UUID caseId, String receiver, Sharing sharing) {
        if (!SharingPolicy.needsConsentRecord(sharing)) {
            return;
        }
        ConsentTerms terms = facts.consentForSending(sharing.consentId(), caseId);
        AgencyProfile agency = AgencyProfile.findById(receiver);
        LocalDate today = LocalDate.ofInstant(clock.instant(), consentSettings.timeZone());
        SharingPolicy.requireConsentAllows(terms, caseId, receiver, agency == null ? null : agency.kind,
                sharing.data(), today);
    }

    /** The receiving agency named by a request: 400 naming {@code field} when unknown or the caller's own. */
    String requireTarget(String alias, String field, String mustDifferFrom) {
        String target = alias == null ? null : alias.strip();
        AgencyProfile agency = target == null ? null : AgencyProfile.findById(target);
        if (agency == null) {
            throw ProblemException.invalidField(field, "is not a known agency");
        }
        if (target.equals(mustDifferFrom)) {
            throw ProblemException.invalidField(field, "must be another agency than " + mustDifferFrom);
        }
        return target;
    }

    private void requireOwner(Caller caller, UUID caseId) {
        if (!facts.ownerOf(caseId).equals(caller.agency())) {
            throw ProblemException.forbidden(CASE_NOT_OWNED, "only the agency that owns the case may refer it");
        }
    }

    private Referral draft(Caller caller, UUID caseId, String toAgency, ServiceType service, Urgency urgency,
                           String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.fromAgency = caller.agency();
        r.toAgency = toAgency;
        r.service = service;
        r.urgency = urgency;
        r.reason = reason.strip();
        r.status = ReferralStatus.DRAFT;
        r.createdBy = caller.userId();
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }
}
