package org.uputnica.cases.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A case note; a confidential one is read only by its author and the supervisors of the owner agency. */
public record NoteInput(@NotBlank @Size(max = 20000) String text, boolean confidential) {
}
