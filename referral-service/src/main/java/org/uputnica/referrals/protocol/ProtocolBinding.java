package org.uputnica.referrals.protocol;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.ReferralTransitioned;

/**
 * Every referral records, when it is sent, the protocol version that governs it. This runs inside the sending
 * transaction and before the deadlines are set (they come from the same version); a referral that does not share
 * what the protocol requires is refused, and nothing of the send is committed.
 */
@ApplicationScoped
public class ProtocolBinding {
    /** Observers with a higher priority run later: the deadlines read the version bound here. */
    public static final int PRIORITY = Interceptor.Priority.APPLICATION;

    @Inject
    Protocols protocols;

    void onSent(@Observes @Priority(PRIORITY) ReferralTransitioned transition) {
        if (transition.to() == ReferralStatus.SENT) {
            protocols.bindOnSend(transition.referral());
        }
    }
}
