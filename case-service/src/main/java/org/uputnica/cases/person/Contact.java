package org.uputnica.cases.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record Contact(@NotNull Kind kind, @NotBlank @Size(max = 300) String value, @Size(max = 200) String note) {
    public enum Kind { PHONE, EMAIL, ADDRESS, ACCOMMODATION, OTHER }
}
