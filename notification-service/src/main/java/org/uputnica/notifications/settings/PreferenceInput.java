package org.uputnica.notifications.settings;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** What a user saves as their own preferences. Absent fields take their defaults (they do not keep old values). */
@Schema(description = "Your notification preferences", example = """
        {"email": "jelena.coordinator@csr-kikinda.uputnica.test", "language": "sr-Cyrl",
         "channels": {"REFERRAL_SENT": ["INBOX"], "REFERRAL_RECEIVED": ["INBOX", "EMAIL"]}}""")
public record PreferenceInput(
        @Schema(description = "Where your e-mails go; absent or null for no e-mail", example = "jelena.coordinator@csr-kikinda.uputnica.test")
        @Email @Size(max = 254) String email,
        @Schema(description = "sr-Latn, sr-Cyrl, bs or en; absent: the locale of your account", example = "sr-Cyrl")
        String language,
        @Schema(description = "Per notice kind, the channels you want (INBOX, EMAIL). Kinds left out get both. The inbox "
                + "is always on; REFERRAL_OVERDUE, REFERRAL_ESCALATED and REFERRAL_SHARING_REVOKED, and every notice "
                + "about an EMERGENCY referral, always come by e-mail too.")
        Map<String, List<String>> channels,
        @Schema(description = "For coordinators: the daily digest of your working groups by e-mail; absent: yes", example = "true")
        Boolean digest) {
}
