package org.uputnica.notifications.digest;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.List;

/**
 * What a coordinator's daily digest says about one working group's day: how many referrals were new, went overdue and
 * were escalated, and the references and links of the overdue and escalated ones, which need her. No names, no cases.
 */
@TemplateData
public record DigestMail(String workingGroup, LocalDate day, long newReferrals, long overdue, long escalated,
                         List<Reference> needAttention) {

    /** A referral by its reference and link, as in notices. */
    @TemplateData
    public record Reference(String reference, String link, boolean escalated) {
    }

    public boolean isEmpty() {
        return newReferrals == 0 && overdue == 0 && escalated == 0;
    }
}
