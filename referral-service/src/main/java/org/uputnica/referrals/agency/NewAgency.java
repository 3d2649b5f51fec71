package org.uputnica.referrals.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/agencies: the agency's id (its Keycloak organisation's alias) and directory profile. */
@Schema(name = "NewAgency")
public record NewAgency(
        @Schema(description = "the agency's id in the API and its Keycloak organisation's alias", example = "csr-zrenjanin")
        @NotNull @Pattern(regexp = ALIAS, message = "must be 2 to 60 lower-case letters, digits and hyphens, "
                + "starting with a letter or digit") String alias,
        @NotBlank @Size(max = 300) String name,
        @Schema(enumeration = {"RS", "BA"}) @NotNull @Pattern(regexp = "RS|BA", message = "must be RS or BA")
        String country,
        @Schema(description = "directory kind", example = "csr") @Size(max = 60) String kind,
        @Size(max = 100) String municipality,
        @Size(max = 4000) String description,
        @Pattern(regexp = "https?://\\S+", message = "must be an absolute http(s) URL") @Size(max = 500) String website,
        @Email @Size(max = 320) String email,
        @Size(max = 60) String phone) {

    public static final String ALIAS = "[a-z0-9][a-z0-9-]{1,59}";
}
