package org.uputnica.notifications.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook's deliveries carry. */
public enum WebhookFormat {
    /** The event's CloudEvent JSON, as received ({@code application/json}). */
    CLOUDEVENTS("cloudevents"),
    /** An FHIR R4 id-only notification Bundle ({@link FhirNotification}, {@code application/fhir+json}); referral events only. */
    FHIR("fhir");

    private final String value;

    WebhookFormat(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(WebhookFormat::value).toList();
    }

    public static Optional<WebhookFormat> of(String value) {
        return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
    }
}
