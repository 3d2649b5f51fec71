package org.uputnica.notifications.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An endpoint an integrator registers for its agency's events. */
@Schema(description = "A webhook to register", example = """
        {"url": "https://integracije.minrzs.gov.rs/uputnica/events",
         "eventTypes": ["org.uputnica.referral.sent.v1", "org.uputnica.referral.overdue.v1"],
         "description": "Ministry case register"}""")
public record WebhookInput(
        @Schema(required = true, description = "Absolute https URL (http only where the operator allows it); no credentials in it",
                example = "https://integracije.minrzs.gov.rs/uputnica/events")
        @NotBlank @Size(max = 2000) String url,
        @Schema(required = true, description = "Event types (CloudEvents type) to receive: the referral events and the consent, transfer and record-link events of the event feed",
                example = "[\"org.uputnica.referral.sent.v1\"]")
        @NotEmpty @Size(max = 20) List<String> eventTypes,
        @Schema(example = "Ministry case register") @Size(max = 200) String description,
        @Schema(description = "What each delivery carries: `cloudevents` (the default) the event's CloudEvent JSON as "
                + "`application/json`; `fhir` an FHIR R4 id-only notification (a `history` Bundle whose first entry is "
                + "a SubscriptionStatus-like Parameters resource naming `Task/{referralId}`) as `application/fhir+json`. "
                + "A `fhir` webhook may ask only for referral event types (org.uputnica.referral.*). See docs/fhir.md.",
                enumeration = {"cloudevents", "fhir"}, defaultValue = "cloudevents", example = "cloudevents")
        @Size(max = 20) String format) {
}
