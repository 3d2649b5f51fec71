package org.uputnica.referrals.hsds;

import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.directory.MunicipalityKey;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The query parameters of the HSDS API's lists, parsed so that a bad value is a 400 naming the parameter. Filters
 * combine with AND, as the HSDS API reference asks; an empty parameter counts as absent. Pages count from 1.
 *
 * @param search         words to find in names and descriptions; case, diacritics and script do not matter
 * @param taxonomyTerm   a taxonomy term's id, or its code (e.g. SHELTER)
 * @param taxonomy       a taxonomy's id, or its name (e.g. uputnica-service-category)
 * @param organizationId an organization's id
 * @param municipality   {@link MunicipalityKey} of a municipality (for services: the location's or a service area)
 * @param modifiedAfter  records changed at or after this time
 */
public record HsdsQuery(String search, String taxonomyTerm, String taxonomy, UUID organizationId, String municipality,
                        OffsetDateTime modifiedAfter, int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 200;
    static final int MAX_TEXT = 200;

    /** The parameters as they came; each may be null. */
    public record Raw(String search, String taxonomyTermId, String taxonomyId, String organizationId,
                      String municipality, String modifiedAfter, String page, String perPage) {
    }

    public static HsdsQuery parse(Raw raw) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String search = text(errors, "search", raw.search());
        String term = text(errors, "taxonomy_term_id", raw.taxonomyTermId());
        String taxonomy = text(errors, "taxonomy_id", raw.taxonomyId());
        String municipality = text(errors, "municipality", raw.municipality());
        UUID organization = null;
        if (present(raw.organizationId())) {
            organization = uuid(raw.organizationId());
            if (organization == null) {
                errors.add(new Problem.FieldError("organization_id", "must be an organization's id (a UUID)"));
            }
        }
        OffsetDateTime modifiedAfter = null;
        if (present(raw.modifiedAfter())) {
            modifiedAfter = time(raw.modifiedAfter().strip());
            if (modifiedAfter == null) {
                errors.add(new Problem.FieldError("modified_after",
                        "must be a date-time such as 2026-01-31T08:00:00Z, or a date YYYY-MM-DD"));
            }
        }
        Integer page = number(errors, "page", raw.page(), 1, Integer.MAX_VALUE / MAX_PER_PAGE);
        Integer perPage = number(errors, "per_page", raw.perPage(), 1, MAX_PER_PAGE);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
        }
        return new HsdsQuery(search == null ? null : MunicipalityKey.of(search), term, taxonomy, organization,
                municipality == null ? null : MunicipalityKey.of(municipality), modifiedAfter,
                page == null ? 1 : page, perPage == null ? DEFAULT_PER_PAGE : perPage);
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(List<Problem.FieldError> errors, String name, String value) {
        if (!present(value)) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            errors.add(new Problem.FieldError(name, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    private static Integer number(List<Problem.FieldError> errors, String name, String value, int min, int max) {
        if (!present(value)) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static OffsetDateTime time(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notATime) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
