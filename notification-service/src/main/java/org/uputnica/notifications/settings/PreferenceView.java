package org.uputnica.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A user's preferences as they apply: every kind with its channels, and what e-mails are addressed by. */
@Schema(description = "Your notification preferences as they apply")
public record PreferenceView(
        @Schema(description = "false until you save preferences; the values are then the defaults") boolean registered,
        @Schema(example = "jelena.coordinator@csr-kikinda.uputnica.test") String email,
        @Schema(description = "Whether you entered the code sent to the address: until then it gets nothing else "
                + "(POST /api/v1/notification-settings/me/email-verification)") boolean emailVerified,
        @Schema(example = "sr-Latn") String language,
        @Schema(description = "Every notice kind with the channels it reaches you by")
        Map<NoticeKind, List<Channel>> channels,
        @Schema(description = "Kinds that come by e-mail whatever you choose (so do all notices about EMERGENCY referrals)")
        List<NoticeKind> alwaysByEmail,
        @Schema(description = "For coordinators: the daily digest of your working groups by e-mail") boolean digest,
        @Schema(description = "Your agency, as your token said when you last used this service", example = "csr-kikinda") String agency,
        @Schema(description = "Your roles when you last used this service: notices for a role reach its holders", example = "[\"coordinator\"]")
        List<String> roles,
        @Schema(description = "The working groups you coordinated when you last used this service", example = "[\"kikinda-child-protection\"]")
        List<String> workingGroups,
        OffsetDateTime updatedAt) {
}
