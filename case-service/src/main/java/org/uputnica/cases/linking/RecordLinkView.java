package org.uputnica.cases.linking;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A confirmed link as either agency sees it on its own case: that the other agency has a record of the same person,
 * and who confirmed it when. Nothing of the other record.
 *
 * @param linkedBy       the login name of the caseworker who confirmed it (of either agency)
 * @param linkedByAgency the agency that confirmed it
 * @param note           the confirming caseworker's note, shown to the confirming agency only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordLinkView(UUID id, String otherAgency, OffsetDateTime linkedAt, String linkedBy,
                             String linkedByAgency, String note) {

    static RecordLinkView of(RecordLink link, String otherAgency, String callerAgency) {
        return new RecordLinkView(link.id, otherAgency, link.linkedAt, link.linkedByUsername, link.linkedByAgency,
                callerAgency.equals(link.linkedByAgency) ? link.note : null);
    }
}
