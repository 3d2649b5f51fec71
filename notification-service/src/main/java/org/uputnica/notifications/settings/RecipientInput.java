package org.uputnica.notifications.settings;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An agency mailbox that an agency admin registers. */
@Schema(description = "An agency mailbox for notices by e-mail", example = """
        {"email": "uputnice@udruzenje-rod.uputnica.test", "language": "sr-Latn", "kinds": ["REFERRAL_RECEIVED"]}""")
public record RecipientInput(
        @Schema(required = true, example = "uputnice@udruzenje-rod.uputnica.test") @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "sr-Latn, sr-Cyrl, bs or en; default sr-Latn", example = "sr-Latn") String language,
        @Schema(description = "Absent: the agency's shared notices. supervisor: the notices for the agency's supervisors "
                + "(overdue referrals it received)", example = "supervisor") String role,
        @Schema(description = "Only these notice kinds; absent for all. Urgent notices come anyway.",
                example = "[\"REFERRAL_RECEIVED\"]") List<String> kinds) {
}
