package org.uputnica.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a case's history: a step change (from, to: steps) or an ownership move (from, to: agencies). */
public record HistoryEntry(OffsetDateTime at, String kind, String from, String to, String by, String note,
                           UUID referralId) {
}
