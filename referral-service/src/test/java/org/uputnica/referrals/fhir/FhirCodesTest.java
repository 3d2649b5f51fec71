package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.uputnica.referrals.referral.ReferralStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status mapping of the facade, both ways, and its table in docs/fhir.md, without booting anything. */
class FhirCodesTest {

    @Test
    void everyReferralStatusReadsAsATaskStatusAndASearchForThatStatusFindsIt() {
        Set<ReferralStatus> covered = EnumSet.noneOf(ReferralStatus.class);
        for (Task.TaskStatus status : Task.TaskStatus.values()) {
            if (status != Task.TaskStatus.NULL) {
                covered.addAll(FhirCodes.referralStatuses(status));
            }
        }
        assertEquals(EnumSet.allOf(ReferralStatus.class), covered);
        for (ReferralStatus s : ReferralStatus.values()) {
            assertTrue(FhirCodes.referralStatuses(FhirCodes.taskStatus(s)).contains(s), s.name());
        }
    }

    @Test
    void theDocsTableNamesEveryStatusWithItsTaskStatus() throws IOException {
        Path doc = Path.of("..", "docs", "fhir.md");
        String text = Files.readString(doc);
        for (ReferralStatus s : ReferralStatus.values()) {
            String row = "| `" + s.name() + "` | `" + FhirCodes.taskStatus(s).toCode() + "` | `" + s.name() + "` |";
            assertTrue(text.contains(row), "docs/fhir.md lacks the row " + row);
        }
    }
}
