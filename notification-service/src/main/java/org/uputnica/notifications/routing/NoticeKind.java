package org.uputnica.notifications.routing;

/**
 * What a recipient is told. Stable codes: clients and e-mail templates translate them, and inbox items store them.
 * Each names the event from the recipient's side; both parties hear of every change of a referral.
 */
public enum NoticeKind {
    /** Another agency referred a child to the recipient. */
    REFERRAL_RECEIVED,
    /** The recipient's agency sent a referral (its own record that it went out). */
    REFERRAL_SENT,
    /** The receiving agency confirmed it has seen the referral. */
    REFERRAL_ACKNOWLEDGED,
    /** The receiving agency took on the referral. */
    REFERRAL_ACCEPTED,
    /** The receiving agency declined the referral (with a reason code). */
    REFERRAL_DECLINED,
    /** The receiving agency started working on the referral. */
    REFERRAL_IN_PROGRESS,
    /** Work on the referral is paused (with a reason code). */
    REFERRAL_ON_HOLD,
    /** The receiving agency completed the referral (with an outcome). */
    REFERRAL_COMPLETED,
    /** The sending agency withdrew the referral (with a reason code). */
    REFERRAL_WITHDRAWN,
    /** The receiving agency forwarded the referral to a third agency (the new referral is related). */
    REFERRAL_FORWARDED,
    /** A deadline passed without the answer it waits for. */
    REFERRAL_OVERDUE,
    /** Still unanswered after it went overdue: the working group's coordinator takes it up. */
    REFERRAL_ESCALATED,
    /** The consent the referral shared data under was withdrawn: the receiver must stop using the shared data. */
    REFERRAL_SHARING_REVOKED;

    /**
     * Notices that must reach people even if they turned e-mail off for everything else: protection that is late,
     * and a withdrawn consent (the receiver must stop using the data now, not when someone next opens the inbox).
     */
    public boolean alwaysByEmail() {
        return this == REFERRAL_OVERDUE || this == REFERRAL_ESCALATED || this == REFERRAL_SHARING_REVOKED;
    }
}
