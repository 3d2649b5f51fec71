package org.uputnica.notifications.inbox;

import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An inbox item as its agency sees it; the client shows the case and referral through their own services. */
public record InboxItemView(UUID id, NoticeKind kind, UUID referralId, UUID caseId, String urgency, String service,
                            String status, String reasonCode, OffsetDateTime eventTime, OffsetDateTime createdAt,
                            boolean read, OffsetDateTime readAt) {

    static InboxItemView of(InboxItem i) {
        return new InboxItemView(i.id, i.kind, i.referralId, i.caseId, i.urgency, i.service, i.status, i.reasonCode,
                i.eventTime, i.createdAt, i.readAt != null, i.readAt);
    }
}
