package org.uputnica.notifications.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of an agency's event feed, oldest first. */
@Schema(description = "Events your agency may see, in the feed's order (oldest first)")
public record FeedPage(
        @Schema(required = true) List<FeedEntry> events,
        @Schema(required = true, description = "Pass as 'after' for the next page; on an empty page, the same position "
                + "to poll again later", example = "ZjE6MTI") String next,
        @Schema(required = true, description = "true when more events follow at once (read on with 'next')") boolean hasMore) {
}
