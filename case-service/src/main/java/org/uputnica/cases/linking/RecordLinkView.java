package org.uputnica.cases.linking;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A link as either agency sees it on its own case: that the other agency has a record of the same person, who
 * confirmed it when, and whether and why it was dissolved since. Nothing of the other record.
 *
 * @param linkedBy       the login name of the caseworker who confirmed it (of either agency)
 * @param linkedByAgency the agency that confirmed it
 * @param note           the confirming caseworker's note, shown to the confirming agency only
 * @param dissolution    present once the link was dissolved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordLinkView(UUID id, LinkStatus status, String otherAgency, OffsetDateTime linkedAt, String linkedBy,
                             String linkedByAgency, String note, Dissolved dissolution) {

    /**
     * @param by       the login name of the caseworker who dissolved the link (of either agency)
     * @param byAgency the agency that dissolved it
     * @param note     the dissolving caseworker's note, shown to the dissolving agency only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dissolved(OffsetDateTime at, String by, String byAgency, DissolutionReason reason, String note) {
    }

    static RecordLinkView of(RecordLink link, String otherAgency, String callerAgency) {
        Dissolved dissolved = link.dissolvedAt == null ? null : new Dissolved(link.dissolvedAt,
                link.dissolvedByUsername, link.dissolvedByAgency, link.dissolutionReason,
                callerAgency.equals(link.dissolvedByAgency) ? link.dissolutionNote : null);
        return new RecordLinkView(link.id, link.status(), otherAgency, link.linkedAt, link.linkedByUsername,
                link.linkedByAgency, callerAgency.equals(link.linkedByAgency) ? link.note : null, dissolved);
    }
}
