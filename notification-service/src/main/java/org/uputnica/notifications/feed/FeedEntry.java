package org.uputnica.notifications.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the feed and the position right after it. */
@Schema(description = "An event and the cursor to read on from right after it")
public record FeedEntry(
        @Schema(required = true, description = "Pass as 'after' to read on from this event (opaque)",
                example = "ZjE6MTI") String cursor,
        @Schema(required = true) FeedEvent event) {
}
