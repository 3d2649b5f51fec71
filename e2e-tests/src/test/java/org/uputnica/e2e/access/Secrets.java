package org.uputnica.e2e.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What must not leak: the fixture persons' data (names, JMBG, date of birth, contacts, family, guardian, and the
 * case's risk reason: case-service data, for the owner agency's caseworkers and supervisors, and for an agency that
 * accepted a referral of the case as far as the referral shared that kind of data), the cases' working records
 * (notes, plan, consents, documents: the owner agency's alone), the fixture referrals' free-text reasons (for the
 * referral's parties only), and an agency's own rows (its webhooks' ids and URLs, its mailboxes' addresses, its inbox
 * items: for that agency only). Each value is unique to its fixture, so finding it in an answer means the answer
 * carries that fixture's data; what the caller itself sent (an id in the path) does not count.
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

    enum Kind { PERSON, RECORD, REASON, ROW }

    record Secret(Kind kind, String text, String what, Predicate<Persona> maySee) {
    }

    /**
     * One case's data. Names are of the kind IDENTITY and the birth date DATE_OF_BIRTH (the referral-service's
     * shared-data codes): an agency that accepted a referral of the case may see the kinds that referral shared.
     * The working record is never shared.
     */
    final class CaseData {
        private final String ownerAgency;
        private final String what;
        private final Map<String, Set<String>> sharedWith = new HashMap<>();

        private CaseData(String ownerAgency, String what) {
            this.ownerAgency = ownerAgency;
            this.what = what;
        }

        CaseData identity(String... values) {
            for (String value : values) {
                all.add(new Secret(Kind.PERSON, value, "person (IDENTITY) of the " + what, p -> maySee(p, "IDENTITY")));
            }
            return this;
        }

        /** Values of a shared-data kind (CONTACT, FAMILY, RISK_ASSESSMENT, ...): the owner's, and whom it was shared with. */
        CaseData kind(String code, String label, String... values) {
            for (String value : values) {
                all.add(new Secret(Kind.PERSON, value, label + " (" + code + ") of the " + what, p -> maySee(p, code)));
            }
            return this;
        }

        CaseData dateOfBirth(String value) {
            all.add(new Secret(Kind.PERSON, value, "person (DATE_OF_BIRTH) of the " + what,
                    p -> maySee(p, "DATE_OF_BIRTH")));
            return this;
        }

        /** A note, goal, task, consent giver or document content: for the owner agency's practitioners only. */
        CaseData record(String which, String value) {
            all.add(new Secret(Kind.RECORD, value, which + " of the " + what, this::owner));
            return this;
        }

        /** {@code agency} accepted a referral of the case that shares these kinds of data. */
        void sharedWith(String agency, Collection<String> kinds) {
            sharedWith.merge(agency, Set.copyOf(kinds), (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.addAll(b);
                return Set.copyOf(both);
            });
        }

        private boolean owner(Persona p) {
            return p.practitioner() && ownerAgency.equals(p.agency);
        }

        private boolean maySee(Persona p, String kind) {
            return owner(p) || (p.practitioner() && p.agency != null
                    && sharedWith.getOrDefault(p.agency, Set.of()).contains(kind));
        }
    }

    private final List<Secret> all = new ArrayList<>();

    /** Registers a case's data as it is made: {@code what} names the case in findings. */
    CaseData caseData(String ownerAgency, String what) {
        return new CaseData(ownerAgency, what);
    }

    /** A reason shared by several referrals (a multi-agency request) is visible to a party of any of them. */
    void reason(String text, String what, List<Parties> referrals) {
        all.add(new Secret(Kind.REASON, text, what, p -> referrals.stream().anyMatch(r -> r.include(p))));
    }

    /** A row of one agency's (a webhook, a mailbox, an inbox item): for anyone of that agency, nobody else. */
    void agencyRow(String agency, String text, String what) {
        all.add(new Secret(Kind.ROW, text, what, p -> agency.equals(p.agency)));
    }

    /** An inbox item of a working group's coordinators. */
    void groupRow(String workingGroup, String text, String what) {
        all.add(new Secret(Kind.ROW, text, what, p -> p.roles.contains("coordinator")
                && p.workingGroups.contains(workingGroup)));
    }

    /** The secrets in {@code body} that {@code persona} may not see. */
    List<String> leakedTo(Persona persona, String body) {
        return leakedTo(persona, body, "");
    }

    /** As above, leaving out what the caller sent itself ({@code sent}: the URL and body of its request). */
    List<String> leakedTo(Persona persona, String body, String sent) {
        return found(body, s -> !s.maySee().test(persona) && !sent.contains(s.text()));
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
        return anyIn(body, "");
    }

    /** Every secret in {@code body} but what the caller sent itself (a 404 names the path it was asked). */
    List<String> anyIn(String body, String sent) {
        return found(body, s -> !sent.contains(s.text()));
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
