package org.uputnica.referrals.protocol;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.agency.Agency;
import org.uputnica.referrals.referral.Referral;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;
import org.uputnica.referrals.workinggroup.WorkingGroup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Protocols: publishing immutable versions, reading them, and choosing the one that governs a referral.
 * <p>
 * Who keeps a protocol follows the field: a local protocol (scoped to a working group) is kept by that group's
 * coordinator; a national one (no working group, like the SOP for unaccompanied children or the default) by an
 * agency admin of a national authority, the ministry. A new version must be publishable by the caller both as
 * it was (the current version) and as it will be, so nobody takes over another keeper's protocol by re-scoping it.
 */
@ApplicationScoped
public class Protocols {
    public static final String NOT_KEEPER = ProblemType.of("not-protocol-keeper");
    public static final String SCOPE_OVERLAP = ProblemType.of("protocol-scope-overlap");

    /** Lower-case letters, digits and inner hyphens: a code appears in URLs and on every referral. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");

    @ConfigProperty(name = "uputnica.protocols.default-code", defaultValue = "national-default")
    String defaultCode;

    @ConfigProperty(name = "uputnica.protocols.national-keepers", defaultValue = "minrzs")
    Set<String> nationalKeepers;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProtocolCatalogue catalogue;

    /** A referral without a governing protocol would have no deadlines: refuse to start rather than lose them. */
    void requireDefault(@Observes StartupEvent start) {
        boolean present = QuarkusTransaction.requiringNew().call(() -> Protocol.findByIdOptional(defaultCode).isPresent());
        if (!present) {
            throw new IllegalStateException("the default protocol '" + defaultCode
                    + "' (uputnica.protocols.default-code) does not exist");
        }
    }

    @Transactional
    public List<ProtocolView> currentVersions() {
        return currentVersionEntities().stream().map(v -> ProtocolView.of(v, true, isDefault(v.code))).toList();
    }

    @Transactional
    public ProtocolView current(String code) {
        Protocol protocol = requireProtocol(code);
        return ProtocolView.of(versionEntity(code, protocol.currentVersion), true, isDefault(code));
    }

    @Transactional
    public List<ProtocolView> versions(String code) {
        Protocol protocol = requireProtocol(code);
        return ProtocolVersion.<ProtocolVersion>list("code", Sort.by("version"), code).stream()
                .map(v -> ProtocolView.of(v, v.version == protocol.currentVersion, isDefault(code))).toList();
    }

    @Transactional
    public ProtocolView version(String code, int version) {
        Protocol protocol = requireProtocol(code);
        ProtocolVersion v = ProtocolVersion.find("code = ?1 and version = ?2", code, version).firstResult();
        if (v == null) {
            throw ProblemException.notFound("protocol " + code + " has no version " + version);
        }
        return ProtocolView.of(v, v.version == protocol.currentVersion, isDefault(code));
    }

    /**
     * Publishes the next version of {@code code} (version 1 of a new protocol). 400 for bad input, naming each bad
     * field; 412 when {@code expectedVersion} is not the current version; 403 for a caller who does not keep it;
     * 409 when another protocol already governs the same referrals at the same level of specificity.
     */
    @Transactional
    public ProtocolView publish(Caller caller, String code, Integer expectedVersion, ProtocolInput.NewVersion input) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalidField("code",
                    "must be 2 to 100 lower-case letters, digits and inner hyphens, e.g. kikinda-children-begging");
        }
        ProtocolVersion next = validated(code, input);

        // Lock the protocol's row (creating it for a new protocol) so concurrent publications queue up here.
        em.createNativeQuery("insert into protocol (code, current_version, created_at) values (:code, 0, :at) "
                        + "on conflict do nothing")
                .setParameter("code", code).setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        // select ... for update: after waiting for a concurrent publication it reads that one's current version
        Protocol protocol = em.find(Protocol.class, code, LockModeType.PESSIMISTIC_WRITE);

        if (expectedVersion != null && expectedVersion != protocol.currentVersion) {
            throw new ProblemException(412, ProblemType.STALE_VERSION, "Precondition failed",
                    "protocol " + code + " is at version " + protocol.currentVersion + ", not " + expectedVersion);
        }
        if (protocol.currentVersion > 0) {
            requireKeeper(caller, versionEntity(code, protocol.currentVersion).scopeWorkingGroup, code);
        }
        requireKeeper(caller, next.scopeWorkingGroup, code);
        requireNoOverlap(next);

        next.version = protocol.currentVersion + 1;
        next.createdAt = OffsetDateTime.now(clock);
        next.createdByUser = caller.userId();
        next.createdByName = caller.username();
        next.persist();
        protocol.currentVersion = next.version;
        return ProtocolView.of(next, true, isDefault(code));
    }

    /**
     * The version that governs a referral: the one recorded when it was sent, or, for one sent before protocols
     * existed, the one that would govern it now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProtocolTerms governing(Referral r) {
        if (r.protocolCode != null) {
            return catalogue.version(r.protocolCode, r.protocolVersion);
        }
        return resolve(r.workingGroup, r.service);
    }

    /**
     * The version that governs a referral being sent now (its working group and service set): the current version
     * of the most specific protocol covering it. The sending records it on the referral.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProtocolTerms forSending(Referral r) {
        return resolve(r.workingGroup, r.service);
    }

    /**
     * The current version of the most specific protocol whose scope covers the referral (working group and service,
     * then working group, then service), else the default protocol. Publication refuses overlaps at one level, so
     * the order by code only settles what a race let through.
     */
    ProtocolTerms resolve(String workingGroup, ServiceType service) {
        List<ProtocolTerms> current = catalogue.current();
        return current.stream()
                .filter(v -> !isDefault(v.code()) && v.covers(workingGroup, service))
                .min(Comparator.comparingInt(ProtocolTerms::specificity).reversed()
                        .thenComparing(ProtocolTerms::code))
                .or(() -> current.stream().filter(v -> isDefault(v.code())).findFirst())
                .orElseThrow(() -> new IllegalStateException("the default protocol " + defaultCode + " is missing"));
    }

    private List<ProtocolVersion> currentVersionEntities() {
        return em.createQuery("select v from ProtocolVersion v, Protocol p where p.code = v.code "
                + "and p.currentVersion = v.version order by v.code", ProtocolVersion.class).getResultList();
    }

    private ProtocolVersion versionEntity(String code, int version) {
        return ProtocolVersion.<ProtocolVersion>find("code = ?1 and version = ?2", code, version).singleResult();
    }

    private Protocol requireProtocol(String code) {
        Protocol protocol = code == null ? null : Protocol.findById(code);
        if (protocol == null || protocol.currentVersion == 0) {
            throw ProblemException.notFound("no protocol " + code);
        }
        return protocol;
    }

    private boolean isDefault(String code) {
        return defaultCode.equals(code);
    }

    private void requireKeeper(Caller caller, String workingGroup, String code) {
        if (workingGroup != null) {
            if (!caller.coordinates(workingGroup)) {
                throw ProblemException.forbidden(NOT_KEEPER, "protocol " + code + " governs working group "
                        + workingGroup + ": only its coordinator publishes versions of it");
            }
        } else if (!caller.hasRole(Roles.AGENCY_ADMIN) || !nationalKeepers.contains(caller.agency())) {
            throw ProblemException.forbidden(NOT_KEEPER, "protocol " + code + " is national: only an agency admin of "
                    + String.join(" or ", nationalKeepers.stream().sorted().toList()) + " publishes versions of it");
        }
    }

    /**
     * Two protocols equally specific for the same referrals would leave it to their codes which one governs, and the
     * newer one might never apply without anyone noticing: refuse it and name the other. (Two such publications at
     * the same moment could both pass; {@link #resolve} then still picks one deterministically, by code.)
     */
    private void requireNoOverlap(ProtocolVersion next) {
        for (ProtocolVersion other : currentVersionEntities()) {
            if (other.code.equals(next.code) || isDefault(other.code)
                    || !java.util.Objects.equals(other.scopeWorkingGroup, next.scopeWorkingGroup)
                    || other.scopeServices.isEmpty() != next.scopeServices.isEmpty()) {
                continue;
            }
            Set<ServiceType> shared = EnumSet.noneOf(ServiceType.class);
            shared.addAll(other.scopeServices);
            shared.retainAll(next.scopeServices);
            if (next.scopeServices.isEmpty() || !shared.isEmpty()) {
                String where = (next.scopeWorkingGroup == null ? "" : "working group " + next.scopeWorkingGroup
                        + (shared.isEmpty() ? "" : ", ")) + (shared.isEmpty() ? "" : "services " + shared);
                throw new ProblemException(409, SCOPE_OVERLAP, "Conflict", "protocol " + other.code
                        + " already governs the referrals of " + where
                        + ": publish a new version of it, or narrow this scope",
                        List.of(new Problem.FieldError("scope", "overlaps protocol " + other.code)));
            }
        }
    }

    /** The new version, or a 400 naming every bad field at once. */
    private ProtocolVersion validated(String code, ProtocolInput.NewVersion in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ProtocolVersion v = new ProtocolVersion();
        v.id = UUID.randomUUID();
        v.code = code;
        v.name = in.name().strip();
        v.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        v.leadAgency = in.leadAgency().strip();
        if (!Agency.exists(v.leadAgency)) {
            errors.add(new Problem.FieldError("leadAgency", "is not a known agency"));
        }
        if (in.notifyAgencies() != null) {
            int i = 0;
            for (String agency : in.notifyAgencies()) {
                if (agency == null || !Agency.exists(agency.strip())) {
                    errors.add(new Problem.FieldError("notifyAgencies[" + i + "]", "is not a known agency"));
                } else {
                    v.notifyAgencies.add(agency.strip());
                }
                i++;
            }
        }
        ProtocolInput.Scope scope = in.scope();
        if (scope != null && scope.workingGroup() != null && !scope.workingGroup().isBlank()) {
            v.scopeWorkingGroup = scope.workingGroup().strip();
            if (WorkingGroup.findById(v.scopeWorkingGroup) == null) {
                errors.add(new Problem.FieldError("scope.workingGroup", "is not a known working group"));
            }
        }
        if (scope != null && scope.services() != null) {
            scope.services().stream().filter(java.util.Objects::nonNull).forEach(v.scopeServices::add);
        }
        boolean scoped = v.scopeWorkingGroup != null || !v.scopeServices.isEmpty();
        if (isDefault(code) && scoped) {
            errors.add(new Problem.FieldError("scope", "must be empty: the default protocol governs every referral "
                    + "no other protocol covers"));
        } else if (!isDefault(code) && !scoped) {
            errors.add(new Problem.FieldError("scope", "must name a working group or services: only the default "
                    + "protocol (" + defaultCode + ") governs everything"));
        }
        if (in.requiredSharedData() != null) {
            in.requiredSharedData().stream().filter(java.util.Objects::nonNull).forEach(v.requiredSharedData::add);
        }
        Map<Urgency, ProtocolInput.Periods> given = in.deadlines() == null ? Map.of() : in.deadlines();
        for (Urgency urgency : Urgency.values()) {
            v.deadlines.put(urgency, periods(urgency, given.get(urgency), errors));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        return v;
    }

    private static DeadlinePeriods periods(Urgency urgency, ProtocolInput.Periods in, List<Problem.FieldError> errors) {
        DeadlinePeriods defaults = DeadlinePeriods.FORM_DEFAULTS.get(urgency);
        String prefix = "deadlines." + urgency.name() + ".";
        DeadlinePeriods p = new DeadlinePeriods(
                period(prefix + "acknowledge", in, ProtocolInput.Periods::acknowledge, defaults.acknowledge, errors),
                period(prefix + "respond", in, ProtocolInput.Periods::respond, defaults.respond, errors),
                period(prefix + "firstContact", in, ProtocolInput.Periods::firstContact, defaults.firstContact, errors),
                period(prefix + "escalateAfter", in, ProtocolInput.Periods::escalateAfter, defaults.escalateAfter,
                        errors));
        Duration acknowledge = parsedOrNull(p.acknowledge);
        Duration respond = parsedOrNull(p.respond);
        if (acknowledge != null && respond != null && respond.compareTo(acknowledge) < 0) {
            // an answer is also an acknowledgement, so a shorter answer deadline would make the other meaningless
            errors.add(new Problem.FieldError(prefix + "respond", "must not be shorter than acknowledge"));
        }
        return p;
    }

    private static String period(String field, ProtocolInput.Periods in, Function<ProtocolInput.Periods, String> get,
                                 String fallback, List<Problem.FieldError> errors) {
        String text = in == null ? null : get.apply(in);
        if (text == null) {
            return fallback;
        }
        try {
            return IsoDurations.canonical(text);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static Duration parsedOrNull(String text) {
        try {
            return text == null ? null : IsoDurations.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
