package org.uputnica.notifications.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** An event of the feed as it was published: the CloudEvents envelope (EventEnvelope), its time as written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CloudEvent", description = "A CloudEvents 1.0 event in structured JSON mode, as published on the "
        + "topics; its data per type is described in the AsyncAPI document (docs/asyncapi.yaml). Ids and codes only, "
        + "no personal data.")
public record FeedEvent(
        @Schema(required = true, example = "1.0") String specversion,
        @Schema(required = true, description = "Unique per event: drop an event whose id you have seen",
                example = "5f0c2a4e-8d1b-4c3e-9a7f-2b6d1e0c9a11") String id,
        @Schema(required = true, example = "org.uputnica.referral.sent.v1") String type,
        @Schema(required = true, example = "/uputnica/referral-service") String source,
        @Schema(required = true, description = "The referral's or the case's id", example = "0b8e5c1a-3f2d-4e6a-8c9b-7d1e2f3a4b5c")
        String subject,
        @Schema(required = true, format = "date-time", description = "When it happened",
                example = "2026-12-01T09:30:00Z") String time,
        @Schema(example = "application/json") String datacontenttype,
        @Schema(required = true, type = SchemaType.OBJECT, description = "The payload of the type (AsyncAPI)")
        Map<String, Object> data) {
}
