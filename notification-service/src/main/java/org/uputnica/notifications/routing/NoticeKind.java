package org.uputnica.notifications.routing;

/** What an agency is told. Stable codes: clients translate them, and they are stored in inbox items. */
public enum NoticeKind {
    /** Another agency referred a child to the recipient. */
    REFERRAL_RECEIVED,
    /** The receiving agency confirmed it has seen the recipient's referral. */
    REFERRAL_ACKNOWLEDGED,
    /** The receiving agency took on the recipient's referral. */
    REFERRAL_ACCEPTED,
    /** The receiving agency declined the recipient's referral (with a reason code). */
    REFERRAL_DECLINED
}
