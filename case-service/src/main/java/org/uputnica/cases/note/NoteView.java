package org.uputnica.cases.note;

import java.time.OffsetDateTime;
import java.util.UUID;

public record NoteView(UUID id, OffsetDateTime at, String author, String authorAgency, String text,
                       boolean confidential) {
    public static NoteView of(CaseNote n) {
        return new NoteView(n.id, n.at, n.authorName, n.authorAgency, n.text, n.confidential);
    }
}
