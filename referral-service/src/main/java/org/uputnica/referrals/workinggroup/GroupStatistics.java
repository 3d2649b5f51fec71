package org.uputnica.referrals.workinggroup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a working group looks at in its meetings: referrals between its members in a period, by status, service,
 * urgency, outcome and decline reason, and how fast each agency acknowledges and answers. Counts and durations
 * only: no case, person or free text.
 *
 * @param sharedWithoutConsent referrals sent on a legal basis rather than consent, which reports must flag
 */
public record GroupStatistics(String workingGroup, OffsetDateTime from, OffsetDateTime to, long referrals,
                              Map<String, Long> byStatus, Map<String, Long> byService, Map<String, Long> byUrgency,
                              Map<String, Long> byOutcome, Map<String, Long> declineReasons, long sharedWithoutConsent,
                              List<AgencyFigures> agencies) {

    /**
     * One receiving agency's figures. Hours are medians and 90th percentiles over the referrals that reached that
     * step; null when none did.
     */
    public record AgencyFigures(String agency, long received, long acknowledged, long accepted, long declined,
                                long completed, long open, Double medianHoursToAcknowledge,
                                Double p90HoursToAcknowledge, Double medianHoursToAnswer, Double p90HoursToAnswer) {
    }
}
