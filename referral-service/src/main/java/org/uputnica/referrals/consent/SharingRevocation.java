package org.uputnica.referrals.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.referrals.referral.Referral;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.ReferralWorkflow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A withdrawn consent stops the sharing it allowed: every open referral sent under it is marked revoked, with a
 * history entry and one {@code referral.sharing-revoked} event, so the receiver is told and no longer sees the
 * shared content. Closed referrals (declined, completed, withdrawn, forwarded) and drafts (nobody received them; a
 * draft cannot be sent under a withdrawn consent) are left as they are.
 */
@ApplicationScoped
public class SharingRevocation {

    @Inject
    Consents consents;

    @Inject
    ReferralWorkflow workflow;

    /**
     * In the consumer's transaction. The consent row is written (and so locked) first: a referral being sent under
     * the consent at this moment holds a share lock on it, so either that send commits first and is found here, or
     * it waits and then sees the withdrawal.
     *
     * @return the referrals revoked now (none the second time)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> withdrawn(ConsentTerms consent, OffsetDateTime asOf) {
        consents.record(consent, asOf);
        List<Referral> open = Referral.<Referral>list(
                "consentId = ?1 and sharingRevokedAt is null and status <> ?2 and status not in ?3 order by id",
                consent.consentId(), ReferralStatus.DRAFT, ReferralStatus.terminal());
        for (Referral referral : open) {
            workflow.revokeSharing(referral);
        }
        return open.stream().map(r -> r.id).toList();
    }
}
