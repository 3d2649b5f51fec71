package org.uputnica.referrals.directory;

import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.referral.ServiceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The filters of a directory search, parsed from the raw query parameters so that a bad value is a 400 naming the
 * parameter (JAX-RS would answer 404 for an unknown enum constant). An empty parameter counts as absent.
 *
 * @param category        the service's category
 * @param municipalityKey {@link MunicipalityKey} of the municipality: the location's or one of the service areas
 * @param language        an ISO 639 code the staff speak
 * @param age             the person's age: within the service's minAge and maxAge
 * @param personSex       FEMALE, MALE, OTHER or UNKNOWN (as the case-service records it): services for ANY match
 *                        all, services for FEMALE or MALE only that sex
 * @param legalStatus     the person's legal status: services without a restriction or naming it
 * @param hasVacancy      true: services with capacity and a free place; false: services with capacity and none
 * @param agency          the giving agency's alias
 */
public record SearchCriteria(ServiceType category, String municipalityKey, String language, Integer age,
                             String personSex, LegalStatus legalStatus, Boolean hasVacancy, String agency, int page,
                             int size) {
    public static final int MAX_AGE = 120;
    public static final int MAX_SIZE = 200;
    public static final List<String> PERSON_SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    static final String LANGUAGE_MESSAGE = "must be an ISO 639 language code such as sr, hu, rom or fa";
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /** The query parameters as they came; each may be null. */
    public record Raw(String category, String municipality, String language, String age, String sex,
                      String legalStatus, String hasVacancy, String agency, String page, String size) {
    }

    public static SearchCriteria parse(Raw raw) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ServiceType category = parse(errors, "category", raw.category(), v -> enumValue(ServiceType.class, v),
                "must be one of " + Arrays.toString(ServiceType.values()));
        String municipality = parse(errors, "municipality", raw.municipality(),
                v -> v.length() <= 100 ? MunicipalityKey.of(v) : null, "must be at most 100 characters");
        String language = parse(errors, "language", raw.language(), SearchCriteria::languageCode, LANGUAGE_MESSAGE);
        Integer age = parse(errors, "age", raw.age(), v -> wholeNumber(v, 0, MAX_AGE),
                "must be a whole number from 0 to " + MAX_AGE);
        String sex = parse(errors, "sex", raw.sex(),
                v -> PERSON_SEXES.contains(v.toUpperCase(Locale.ROOT)) ? v.toUpperCase(Locale.ROOT) : null,
                "must be one of " + PERSON_SEXES);
        LegalStatus legalStatus = parse(errors, "legalStatus", raw.legalStatus(), v -> enumValue(LegalStatus.class, v),
                "must be one of " + Arrays.toString(LegalStatus.values()));
        Boolean hasVacancy = parse(errors, "hasVacancy", raw.hasVacancy(), SearchCriteria::bool, "must be true or false");
        String agency = parse(errors, "agency", raw.agency(), v -> ALIAS.matcher(v).matches() ? v : null,
                "must be an agency alias such as udruzenje-rod");
        Integer page = parse(errors, "page", raw.page(), v -> wholeNumber(v, 0, Integer.MAX_VALUE),
                "must be a whole number from 0");
        Integer size = parse(errors, "size", raw.size(), v -> wholeNumber(v, 1, MAX_SIZE),
                "must be a whole number from 1 to " + MAX_SIZE);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SearchCriteria(category, municipality, language, age, sex, legalStatus, hasVacancy, agency,
                page == null ? 0 : page, size == null ? 50 : size);
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
    }

    static String languageCode(String value) {
        String code = value.strip().toLowerCase(Locale.ROOT);
        return LANGUAGE.matcher(code).matches() ? code : null;
    }

    private static <T> T parse(List<Problem.FieldError> errors, String name, String value, Function<String, T> parser,
                               String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        T parsed = parser.apply(value.strip());
        if (parsed == null) {
            errors.add(new Problem.FieldError(name, message));
        }
        return parsed;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer wholeNumber(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
