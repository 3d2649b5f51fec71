package org.uputnica.notifications.inbox;

import java.util.List;

/** One page of an inbox, newest first; {@code total} counts every item that matches the filters. */
public record InboxPage(List<InboxItemView> items, int page, int size, long total) {
}
