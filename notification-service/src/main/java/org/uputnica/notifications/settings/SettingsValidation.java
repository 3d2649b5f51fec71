package org.uputnica.notifications.settings;

import org.uputnica.notifications.language.Language;
import org.uputnica.notifications.routing.NoticeKind;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks of settings input that bean validation cannot express. Kinds, channels and languages arrive as text so that
 * a wrong one is a 400 naming its field ({@code channels.REFERRAL_LOST}) instead of a generic shape error.
 */
final class SettingsValidation {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    Language language(String field, String tag, Language absent) {
        if (tag == null) {
            return absent;
        }
        Optional<Language> language = Language.fromTag(tag);
        if (language.isEmpty()) {
            errors.add(new Problem.FieldError(field, "must be one of " + Language.tags()));
        }
        return language.orElse(absent);
    }

    /** The kinds named, or null when the list is absent. */
    Set<NoticeKind> kinds(String field, List<String> names) {
        if (names == null) {
            return null;
        }
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (int i = 0; i < names.size(); i++) {
            kind(field + "[" + i + "]", names.get(i)).ifPresent(kinds::add);
        }
        return kinds;
    }

    /** The e-mail choice per kind; kinds left out keep e-mail on. */
    Map<NoticeKind, Boolean> emailByKind(Map<String, List<String>> channels) {
        Map<NoticeKind, Boolean> email = new EnumMap<>(NoticeKind.class);
        if (channels == null) {
            return email;
        }
        channels.forEach((name, list) -> {
            String field = "channels." + name;
            Optional<NoticeKind> kind = kind(field, name);
            if (kind.isEmpty()) {
                return;
            }
            if (list == null) {
                errors.add(new Problem.FieldError(field, "must be a list of channels " + Arrays.toString(Channel.values())));
                return;
            }
            boolean wantsEmail = false;
            for (String channel : list) {
                if (Channel.EMAIL.name().equals(channel)) {
                    wantsEmail = true;
                } else if (!Channel.INBOX.name().equals(channel)) {
                    errors.add(new Problem.FieldError(field, "must contain only " + Arrays.toString(Channel.values())));
                }
            }
            if (!wantsEmail && kind.get().alwaysByEmail()) {
                errors.add(new Problem.FieldError(field, "urgent protection notices cannot be switched off: keep EMAIL"));
            }
            email.put(kind.get(), wantsEmail);
        });
        return email;
    }

    void requireOneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new Problem.FieldError(field, "must be one of " + allowed));
        }
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        List<Problem.FieldError> sorted = errors.stream()
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, sorted);
    }

    private Optional<NoticeKind> kind(String field, String name) {
        try {
            return Optional.of(NoticeKind.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(NoticeKind.values())));
            return Optional.empty();
        }
    }
}
