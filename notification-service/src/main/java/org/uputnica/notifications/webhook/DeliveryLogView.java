package org.uputnica.notifications.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.notifications.delivery.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A webhook delivery with every attempt made. */
@Schema(description = "One event for one webhook, with its delivery log")
public record DeliveryLogView(
        @Schema(description = "Also the webhook-id header: the same on every attempt, so receivers can drop repeats")
        UUID id,
        UUID webhookId,
        @Schema(description = "The CloudEvents id of the event") String eventId,
        @Schema(example = "org.uputnica.referral.sent.v1") String eventType,
        @Schema(description = "FAILED: retried for a day without success and parked; replay it when the endpoint works")
        DeliveryStatus status,
        int attempts,
        @Schema(example = "503") Integer lastStatusCode,
        @Schema(example = "HTTP 503") String lastError,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime parkedAt,
        @Schema(description = "Every attempt, first to last") List<Attempt> log) {

    @Schema(description = "One attempt and the endpoint's answer")
    public record Attempt(int attempt, OffsetDateTime at,
                          @Schema(description = "Absent when no HTTP answer came", example = "503") Integer statusCode,
                          @Schema(example = "HttpTimeoutException: request timed out") String error,
                          @Schema(example = "37") int durationMs) {
    }

    static DeliveryLogView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryLogView(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.attempts,
                d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.sentAt, d.parkedAt,
                attempts.stream().map(a -> new Attempt(a.attempt, a.at, a.statusCode, a.error, a.durationMs)).toList());
    }
}
