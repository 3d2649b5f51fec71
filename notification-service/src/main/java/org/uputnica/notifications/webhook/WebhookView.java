package org.uputnica.notifications.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered webhook. A secret is shown once, in the answer to the registration or rotation that issued it. */
@Schema(description = "A registered webhook")
public record WebhookView(
        UUID id,
        @Schema(example = "https://integracije.minrzs.gov.rs/uputnica/events") String url,
        @Schema(example = "[\"org.uputnica.referral.sent.v1\"]") List<String> eventTypes,
        @Schema(example = "Ministry case register") String description,
        @Schema(description = "What each delivery carries", enumeration = {"cloudevents", "fhir"}, example = "cloudevents")
        String format,
        OffsetDateTime createdAt,
        @Schema(description = "Only in the answer to the registration or a rotation: the signing secret (Standard Webhooks, whsec_...). "
                + "Store it; it is never shown again.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @Schema(description = "True while a rotated-out secret still signs deliveries beside the new one (until it is retired)")
        boolean previousSecretActive,
        @Schema(description = "When the secret was last rotated") OffsetDateTime secretRotatedAt) {

    /** @param plainSecret the secret just issued, to show once; null otherwise */
    static WebhookView of(WebhookSubscription s, String plainSecret) {
        return new WebhookView(s.id, s.url, List.of(s.eventTypes), s.description, s.format, s.createdAt, plainSecret,
                s.previousSecret != null, s.secretRotatedAt);
    }
}
