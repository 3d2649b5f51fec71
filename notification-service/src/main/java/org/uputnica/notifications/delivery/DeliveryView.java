package org.uputnica.notifications.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where one delivery of a notice stands, for the people the notice is for. */
@Schema(description = "One delivery of a notice through a channel")
public record DeliveryView(
        UUID id,
        @Schema(example = "EMAIL") String channel,
        @Schema(description = "Whom it goes to: a masked e-mail address, or a webhook's URL host",
                example = "u***@udruzenje-rod.uputnica.test") String recipient,
        DeliveryStatus status,
        @Schema(description = "Attempts made so far", example = "1") int attempts,
        @Schema(description = "Why the last attempt failed; absent once sent",
                example = "ConnectException: Connection refused") String lastError,
        @Schema(description = "When PENDING: when the next attempt is due") OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        @Schema(description = "When it was delivered") OffsetDateTime sentAt) {
}
