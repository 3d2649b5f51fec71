package org.uputnica.referrals.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.List;
import java.util.UUID;

/** Reading referrals, for their parties only: one referral, its history, a multi-agency request. */
@ApplicationScoped
public class ReferralQueries {
    public static final String NOT_A_PARTY = ProblemType.of("not-a-party");

    /** A referral for one of its parties (sender, receiver, the working group's coordinator); 403 for others. */
    @Transactional
    public Referral find(Caller caller, UUID id) {
        Referral r = Referral.findById(id);
        if (r == null) {
            throw ProblemException.notFound("no referral " + id);
        }
        if (caller != ReferralWorkflow.SYSTEM && Party.of(r, caller).isEmpty()) {
            throw ProblemException.forbidden(NOT_A_PARTY,
                    "only the sending and the receiving agency and the working group's coordinator see a referral");
        }
        return r;
    }

    @Transactional
    public List<ReferralView.HistoryEntry> history(Caller caller, UUID id) {
        find(caller, id);
        return ReferralHistoryEntry.<ReferralHistoryEntry>list("referralId", Sort.by("id"), id).stream()
                .map(ReferralView.HistoryEntry::of).toList();
    }

    /** A multi-agency request with the candidates the caller is a party of; 403 when none. */
    @Transactional
    public ReferralView.Group group(Caller caller, UUID groupId) {
        ReferralGroup group = ReferralGroup.findById(groupId);
        if (group == null) {
            throw ProblemException.notFound("no referral group " + groupId);
        }
        List<Referral> members = Referral.list("groupId", Sort.by("toAgency"), groupId);
        List<ReferralView> visible = members.stream().filter(r -> !Party.of(r, caller).isEmpty())
                .map(r -> ReferralView.of(r, caller)).toList();
        if (visible.isEmpty()) {
            throw ProblemException.forbidden(NOT_A_PARTY, "your agency is not a party of this request");
        }
        return new ReferralView.Group(group.id, group.caseId, group.fromAgency, group.status, group.acceptedReferralId,
                visible);
    }
}
