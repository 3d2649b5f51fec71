package org.uputnica.notifications.email;

import io.quarkus.qute.TemplateData;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a notice e-mail says, and all it may say: what happened, when, whether it is an emergency, how long the
 * referral has waited, a reference and a link. No names, no case, no service, no agency: whoever follows the link
 * logs in and sees what their agency may see.
 *
 * @param waitingHours how long the referral has waited since it was sent (overdue and escalated notices); negative
 *                     when unknown
 */
@TemplateData
public record NoticeMail(NoticeKind kind, String reference, String link, boolean emergency, OffsetDateTime time,
                         long waitingHours) {

    /** "UP-3F1C9A52": short enough to say on the phone, and the same in every language. */
    public static String reference(UUID referralId) {
        return "UP-" + referralId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    public boolean waiting() {
        return waitingHours >= 0;
    }

    /** Under two days the hours matter (an emergency is due in 24); beyond that, whole days read better. */
    public boolean waitingInHours() {
        return waitingHours < 48;
    }

    public long waitingDays() {
        return waitingHours / 24;
    }
}
