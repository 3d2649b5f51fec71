package org.uputnica.e2e.access;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What must not leak: the fixture persons' names and dates of birth (case-service data, for the owner agency's
 * caseworkers and supervisors only) and the fixture referrals' free-text reasons (for the referral's parties only).
 * Each value is unique to its fixture, so finding it in an answer means the answer carries that fixture's data.
 */
final class Secrets {

    /** A referral's parties, as far as reading it goes (docs/referral-lifecycle.md, "Who is who"). */
    record Parties(String from, String to, String workingGroup, boolean draft) {
        boolean include(Persona p) {
            boolean practitionerOf = p.practitioner() && p.agency != null
                    && (p.agency.equals(from) || (!draft && p.agency.equals(to)));
            boolean coordinatorOf = !draft && workingGroup != null && p.roles.contains("coordinator")
                    && p.workingGroups.contains(workingGroup);
            return practitionerOf || coordinatorOf;
        }
    }

    enum Kind { PERSON, REASON }

    record Secret(Kind kind, String text, String what, Predicate<Persona> maySee) {
    }

    private final List<Secret> all = new ArrayList<>();

    void person(String ownerAgency, String what, String... values) {
        for (String value : values) {
            all.add(new Secret(Kind.PERSON, value, what, p -> p.practitioner() && ownerAgency.equals(p.agency)));
        }
    }

    /** A reason shared by several referrals (a multi-agency request) is visible to a party of any of them. */
    void reason(String text, String what, List<Parties> referrals) {
        all.add(new Secret(Kind.REASON, text, what, p -> referrals.stream().anyMatch(r -> r.include(p))));
    }

    /** The secrets in {@code body} that {@code persona} may not see. */
    List<String> leakedTo(Persona persona, String body) {
        return found(body, s -> !s.maySee().test(persona));
    }

    /**
     * The kinds of secret in {@code body} that {@code persona} may see: proof that the leak check looks where the
     * data really is (a check that never finds anything anywhere could not fail).
     */
    List<Kind> rightfullySeenBy(Persona persona, String body) {
        List<Kind> kinds = new ArrayList<>();
        if (body != null) {
            all.stream().filter(s -> s.maySee().test(persona) && body.contains(s.text())).forEach(s -> kinds.add(s.kind()));
        }
        return kinds;
    }

    /** Every secret in {@code body}: a refusal carries none, whoever asked. */
    List<String> anyIn(String body) {
        return found(body, s -> true);
    }

    private List<String> found(String body, Predicate<Secret> which) {
        List<String> found = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return found;
        }
        for (Secret s : all) {
            if (which.test(s) && body.contains(s.text())) {
                found.add(s.what() + " (" + s.text() + ")");
            }
        }
        return found;
    }
}
