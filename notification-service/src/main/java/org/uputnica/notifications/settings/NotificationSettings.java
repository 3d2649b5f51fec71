package org.uputnica.notifications.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.notifications.language.Language;
import org.uputnica.notifications.routing.NoticeKind;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Users' own preferences and agencies' mailboxes: who gets notices by e-mail, in which language. */
@ApplicationScoped
public class NotificationSettings {
    public static final String RECIPIENT_EXISTS = ProblemType.of("recipient-exists");
    /** The roles notices are addressed to within an agency (see NoticeRouting): today only supervisors. */
    static final Set<String> ADDRESSED_ROLES = Set.of(Roles.SUPERVISOR);

    @Inject
    Clock clock;

    @Transactional
    public PreferenceView mine(Caller caller, String localeClaim) {
        UserPreference stored = UserPreference.findById(caller.userId());
        if (stored == null) {
            return new PreferenceView(false, null, false, Language.closestTo(localeClaim).tag(), channels(Set.of()),
                    alwaysByEmail(), true, caller.agency(), sorted(caller.roles()), sorted(caller.workingGroups()), null);
        }
        return view(stored);
    }

    /**
     * Saves the caller's preferences and refreshes the copy of the caller's agency, roles and working groups, which
     * decides the notices that reach them by e-mail until they save again.
     */
    @Transactional
    public PreferenceView saveMine(Caller caller, PreferenceInput input, String localeClaim) {
        SettingsValidation check = new SettingsValidation();
        Language language = check.language("language", input.language(), Language.closestTo(localeClaim));
        Map<NoticeKind, Boolean> email = check.emailByKind(input.channels());
        check.throwIfAny();

        UserPreference p = UserPreference.findById(caller.userId());
        if (p == null) {
            p = new UserPreference();
            p.userId = caller.userId();
        }
        p.agency = caller.agency();
        p.roles = caller.roles().toArray(String[]::new);
        p.workingGroups = caller.workingGroups().toArray(String[]::new);
        String address = blankToNull(input.email());
        if (address == null || p.email == null || !address.equalsIgnoreCase(p.email)) {
            p.emailVerifiedAt = null; // a new address is confirmed before it gets anything (EmailVerification)
            p.emailCodeHash = null;
        }
        p.email = address;
        p.language = language.tag();
        p.digest = input.digest() == null || input.digest();
        p.emailMutedKinds = email.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().name())
                .toArray(String[]::new);
        p.updatedAt = OffsetDateTime.now(clock);
        p.seenAt = p.updatedAt;
        p.persist();
        return view(p);
    }

    /**
     * The caller used this service: the copy of their agency, roles and working groups follows their token. Staff
     * who left get no more tokens, so their copy ages out (SettingsConfig#membershipValidFor) and their e-mail stops.
     * Written at most once an hour unless something changed.
     */
    @Transactional
    public void refresh(Caller caller) {
        UserPreference p = UserPreference.findById(caller.userId());
        if (p == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String[] roles = caller.roles().stream().sorted().toArray(String[]::new);
        String[] groups = caller.workingGroups().stream().sorted().toArray(String[]::new);
        boolean changed = !java.util.Objects.equals(p.agency, caller.agency())
                || !Arrays.equals(Arrays.stream(p.roles).sorted().toArray(), roles)
                || !Arrays.equals(Arrays.stream(p.workingGroups).sorted().toArray(), groups);
        if (changed) {
            p.agency = caller.agency();
            p.roles = roles;
            p.workingGroups = groups;
        }
        if (changed || p.seenAt == null || p.seenAt.isBefore(now.minusHours(1))) {
            p.seenAt = now;
        }
    }

    @Transactional
    public void forgetMine(Caller caller) {
        UserPreference.deleteById(caller.userId());
    }

    @Transactional
    public RecipientView addRecipient(Caller admin, RecipientInput input) {
        SettingsValidation check = new SettingsValidation();
        Language language = check.language("language", input.language(), Language.DEFAULT);
        check.requireOneOf("role", input.role(), ADDRESSED_ROLES);
        Set<NoticeKind> kinds = check.kinds("kinds", input.kinds());
        check.throwIfAny();

        String email = input.email().trim();
        boolean exists = AgencyEmailRecipient.count(
                "agency = ?1 and lower(email) = ?2 and coalesce(role, '') = ?3",
                admin.agency(), email.toLowerCase(Locale.ROOT), input.role() == null ? "" : input.role()) > 0;
        if (exists) {
            throw ProblemException.conflict(RECIPIENT_EXISTS, "this address is already registered for your agency"
                    + (input.role() == null ? "" : " and role " + input.role()));
        }
        AgencyEmailRecipient r = new AgencyEmailRecipient();
        r.id = UUID.randomUUID();
        r.agency = admin.agency();
        r.email = email;
        r.language = language.tag();
        r.role = input.role();
        r.kinds = kinds == null ? null : kinds.stream().map(Enum::name).toArray(String[]::new);
        r.createdBy = admin.userId();
        r.createdAt = OffsetDateTime.now(clock);
        r.persist();
        return RecipientView.of(r);
    }

    @Transactional
    public List<RecipientView> recipients(Caller admin) {
        return AgencyEmailRecipient.<AgencyEmailRecipient>list("agency = ?1 order by createdAt", admin.agency()).stream()
                .map(RecipientView::of).toList();
    }

    /** Another agency's mailbox is "not found": nobody learns which mailboxes other agencies have. */
    @Transactional
    public void removeRecipient(Caller admin, UUID id) {
        if (AgencyEmailRecipient.delete("id = ?1 and agency = ?2", id, admin.agency()) == 0) {
            throw ProblemException.notFound("no e-mail recipient " + id + " in your agency");
        }
    }

    private static PreferenceView view(UserPreference p) {
        Set<String> muted = Set.of(p.emailMutedKinds);
        return new PreferenceView(true, p.email, p.email != null && p.emailVerifiedAt != null, p.language,
                channels(muted), alwaysByEmail(), p.digest, p.agency, sorted(Set.of(p.roles)),
                sorted(Set.of(p.workingGroups)), p.updatedAt);
    }

    private static Map<NoticeKind, List<Channel>> channels(Set<String> mutedKinds) {
        Map<NoticeKind, List<Channel>> channels = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            channels.put(kind, mutedKinds.contains(kind.name()) ? List.of(Channel.INBOX) : List.of(Channel.INBOX, Channel.EMAIL));
        }
        return channels;
    }

    private static List<NoticeKind> alwaysByEmail() {
        return Arrays.stream(NoticeKind.values()).filter(NoticeKind::alwaysByEmail).toList();
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
