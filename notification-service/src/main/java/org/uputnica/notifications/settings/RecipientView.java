package org.uputnica.notifications.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.notifications.routing.NoticeKind;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A registered agency mailbox. */
@Schema(description = "An agency mailbox that receives notices by e-mail")
public record RecipientView(
        UUID id,
        @Schema(example = "uputnice@udruzenje-rod.uputnica.test") String email,
        @Schema(example = "sr-Latn") String language,
        @Schema(example = "supervisor") String role,
        @Schema(description = "Absent: every kind") List<NoticeKind> kinds,
        OffsetDateTime createdAt) {

    static RecipientView of(AgencyEmailRecipient r) {
        return new RecipientView(r.id, r.email, r.language, r.role,
                r.kinds == null ? null : Arrays.stream(r.kinds).map(NoticeKind::valueOf).toList(), r.createdAt);
    }
}
