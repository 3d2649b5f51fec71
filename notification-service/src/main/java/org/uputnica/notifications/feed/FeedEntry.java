package org.uputnica.notifications.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the feed and the position right after it. */
@Schema(description = "An event and the cursor to read on from right after it")
public record FeedEntry(
        @Schema(required = true, description = "Pass as 'after' to read on from this event (opaque)",
                example = "ZjE6MTI") String cursor,
        @Schema(required = true, type = SchemaType.OBJECT, description = "The event as published: a CloudEvents 1.0 "
                + "JSON document (specversion, id, type, source, subject, time, datacontenttype, data), described "
                + "per type in the AsyncAPI document. Ids and codes only, no personal data.") JsonNode event) {
}
