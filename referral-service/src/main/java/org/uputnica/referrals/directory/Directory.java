package org.uputnica.referrals.directory;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.uputnica.identity.Caller;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service directory: search and read for every agency; create, change and deactivate a service only for the
 * admins of the agency that gives it; capacity updates for its admins and supervisors, each kept in the history.
 */
@ApplicationScoped
public class Directory {
    /** The caller's agency does not give this service, so it may not change it. */
    public static final String NOT_OWNING_AGENCY = ProblemType.of("not-owning-agency");

    static final int MAX_LANGUAGES = 30;
    static final int MAX_SERVICE_AREAS = 100;
    static final int MAX_SCHEDULES = 50;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public DirectoryView.Page search(SearchCriteria c) {
        StringBuilder where = new StringBuilder(" where s.status = 'ACTIVE'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.category() != null) {
            where.append(" and s.category = :category");
            params.put("category", c.category().name());
        }
        if (c.municipalityKey() != null) {
            where.append(" and :municipality = any(s.municipality_keys)");
            params.put("municipality", c.municipalityKey());
        }
        if (c.language() != null) {
            where.append(" and :language = any(s.languages)");
            params.put("language", c.language());
        }
        if (c.age() != null) {
            where.append(" and (s.min_age is null or s.min_age <= :age) and (s.max_age is null or s.max_age >= :age)");
            params.put("age", c.age());
        }
        if (c.personSex() != null) {
            where.append(" and s.sex in ('ANY', :sex)");
            params.put("sex", c.personSex());
        }
        if (c.legalStatus() != null) {
            where.append(" and (cardinality(s.legal_statuses) = 0 or :legalStatus = any(s.legal_statuses))");
            params.put("legalStatus", c.legalStatus().name());
        }
        if (c.hasVacancy() != null) {
            where.append(c.hasVacancy() ? " and s.vacancies > 0" : " and s.capacity is not null and s.vacancies = 0");
        }
        if (c.agency() != null) {
            where.append(" and s.agency = :agency");
            params.put("agency", c.agency());
        }
        Query count = em.createNativeQuery("select count(*) from directory_service s" + where);
        Query select = em.createNativeQuery("select s.* from directory_service s join agency a on a.alias = s.agency"
                + where + " order by a.name, s.name, s.id limit :limit offset :offset", DirectoryService.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        select.setParameter("limit", c.size());
        select.setParameter("offset", (long) c.page() * c.size());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<DirectoryService> found = select.getResultList();
        return new DirectoryView.Page(views(found), c.page(), c.size(), total);
    }

    @Transactional
    public DirectoryView.Service find(UUID id) {
        return view(load(id), agencies());
    }

    @Transactional
    public List<DirectoryView.Agency> agencyProfiles() {
        return AgencyProfile.<AgencyProfile>listAll(Sort.by("alias")).stream().map(DirectoryView.Agency::of).toList();
    }

    /** An agency with its active services, and its inactive ones too when asked. */
    @Transactional
    public DirectoryView.AgencyWithServices agency(String alias, boolean includeInactive) {
        AgencyProfile agency = AgencyProfile.findById(alias);
        if (agency == null) {
            throw ProblemException.notFound("no agency " + alias);
        }
        List<DirectoryService> services = includeInactive
                ? DirectoryService.list("agency", Sort.by("name").and("id"), alias)
                : DirectoryService.list("agency = ?1 and status = ?2", Sort.by("name").and("id"), alias,
                ServiceStatus.ACTIVE);
        return DirectoryView.AgencyWithServices.of(agency, views(services));
    }

    @Transactional
    public DirectoryView.Service create(Caller caller, DirectoryInput.Service input) {
        if (AgencyProfile.findById(caller.agency()) == null) {
            throw ProblemException.conflict(ProblemType.CONFLICT,
                    "your agency " + caller.agency() + " is not registered in the directory");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Details details = details(input, errors);
        if (input.capacity() != null) {
            checkCapacity(input.capacity(), "capacity.", errors);
        }
        if (!errors.isEmpty()) {
            throw SearchCriteria.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DirectoryService s = new DirectoryService();
        s.id = UUID.randomUUID();
        s.agency = caller.agency();
        s.status = input.status() == null ? ServiceStatus.ACTIVE : input.status();
        s.createdAt = now;
        s.createdBy = caller.username();
        apply(s, input, details, caller, now);
        if (input.capacity() != null) {
            setCapacity(caller, s, input.capacity(), now);
        }
        s.persist(); // with its capacity, so that a new service is at version 0
        if (input.capacity() != null) {
            recordCapacityUpdate(caller, s, now);
        }
        em.flush();
        return view(s, agencies());
    }

    /** Replaces everything but the capacity; a status left out stays as it is. */
    @Transactional
    public DirectoryView.Service update(Caller caller, UUID id, Long expectedVersion, DirectoryInput.Service input) {
        DirectoryService s = loadForChange(caller, id, expectedVersion);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.capacity() != null) {
            errors.add(new Problem.FieldError("capacity",
                    "is changed with PUT /api/v1/directory/services/" + id + "/capacity"));
        }
        Details details = details(input, errors);
        if (!errors.isEmpty()) {
            throw SearchCriteria.invalid(errors);
        }
        if (input.status() != null) {
            s.status = input.status();
        }
        apply(s, input, details, caller, OffsetDateTime.now(clock));
        em.flush(); // a concurrent change surfaces here as an OptimisticLockException (409)
        return view(s, agencies());
    }

    /** Takes the service out of the search; it stays readable by id and can be made ACTIVE again with a PUT. */
    @Transactional
    public DirectoryView.Service deactivate(Caller caller, UUID id, Long expectedVersion) {
        DirectoryService s = loadForChange(caller, id, expectedVersion);
        if (s.status != ServiceStatus.INACTIVE) {
            s.status = ServiceStatus.INACTIVE;
            s.updatedAt = OffsetDateTime.now(clock);
            s.updatedBy = caller.username();
            em.flush();
        }
        return view(s, agencies());
    }

    @Transactional
    public DirectoryView.Service updateCapacity(Caller caller, UUID id, Long expectedVersion,
                                                DirectoryInput.Capacity capacity) {
        DirectoryService s = loadForChange(caller, id, expectedVersion);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkCapacity(capacity, "", errors);
        if (!errors.isEmpty()) {
            throw SearchCriteria.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        setCapacity(caller, s, capacity, now);
        recordCapacityUpdate(caller, s, now);
        em.flush();
        return view(s, agencies());
    }

    /** Every capacity update of a service, newest first: for its own agency only. */
    @Transactional
    public List<DirectoryView.CapacityChange> capacityHistory(Caller caller, UUID id) {
        DirectoryService s = load(id);
        requireOwner(caller, s);
        return CapacityUpdate.<CapacityUpdate>list("serviceId", Sort.by("id").descending(), id).stream()
                .map(DirectoryView.CapacityChange::of).toList();
    }

    /** All agencies and all services (active or not), for the HSDS export. */
    @Transactional
    public <T> T snapshot(Function<Snapshot, T> reader) {
        List<AgencyProfile> agencies = AgencyProfile.listAll(Sort.by("alias"));
        List<DirectoryService> services = DirectoryService.listAll(Sort.by("agency").and("name").and("id"));
        return reader.apply(new Snapshot(agencies, services.stream().collect(
                Collectors.groupingBy(s -> s.agency, LinkedHashMap::new, Collectors.toList()))));
    }

    public record Snapshot(List<AgencyProfile> agencies, Map<String, List<DirectoryService>> servicesByAgency) {
    }

    private DirectoryService load(UUID id) {
        DirectoryService s = DirectoryService.findById(id);
        if (s == null) {
            throw ProblemException.notFound("no service " + id + " in the directory");
        }
        return s;
    }

    private DirectoryService loadForChange(Caller caller, UUID id, Long expectedVersion) {
        DirectoryService s = load(id);
        requireOwner(caller, s);
        if (expectedVersion != null && expectedVersion != s.version) {
            throw new ProblemException(412, ProblemType.STALE_VERSION, "Precondition failed",
                    "the service changed since version " + expectedVersion + "; it is at version " + s.version);
        }
        return s;
    }

    private static void requireOwner(Caller caller, DirectoryService s) {
        if (!s.agency.equals(caller.agency())) {
            throw ProblemException.forbidden(NOT_OWNING_AGENCY,
                    "only the agency that gives a service (" + s.agency + ") may change it or see its capacity history");
        }
    }

    private static void setCapacity(Caller caller, DirectoryService s, DirectoryInput.Capacity c, OffsetDateTime now) {
        s.capacity = c.capacity();
        s.vacancies = c.vacancies();
        s.waitlist = c.waitlist();
        s.capacityUpdatedAt = now;
        s.capacityUpdatedBy = caller.username();
        s.updatedAt = now;
        s.updatedBy = caller.username();
    }

    /** Keeps the service's current figures in its capacity history. */
    private static void recordCapacityUpdate(Caller caller, DirectoryService s, OffsetDateTime now) {
        CapacityUpdate u = new CapacityUpdate();
        u.serviceId = s.id;
        u.at = now;
        u.capacity = s.capacity;
        u.vacancies = s.vacancies;
        u.waitlist = s.waitlist;
        u.actorUser = caller.userId();
        u.actorName = caller.username();
        u.actorAgency = caller.agency();
        u.persist();
    }

    private static void checkCapacity(DirectoryInput.Capacity c, String prefix, List<Problem.FieldError> errors) {
        if (c.capacity() != null && c.vacancies() != null && c.vacancies() > c.capacity()) {
            errors.add(new Problem.FieldError(prefix + "vacancies", "must not exceed " + prefix + "capacity"));
        }
    }

    /** The lists of a service input, checked and normalised. */
    private record Details(List<String> languages, List<String> serviceAreas, List<String> municipalityKeys,
                           List<LegalStatus> legalStatuses, List<OpeningHoursEntry> schedules) {
    }

    private static Details details(DirectoryInput.Service in, List<Problem.FieldError> errors) {
        List<String> validLanguages = strings(in.languages(), "languages", MAX_LANGUAGES, errors,
                v -> SearchCriteria.languageCode(v) == null ? SearchCriteria.LANGUAGE_MESSAGE : null);
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(
                validLanguages.stream().map(SearchCriteria::languageCode).toList()));

        Map<String, String> areasByKey = new LinkedHashMap<>();
        for (String area : strings(in.serviceAreas(), "serviceAreas", MAX_SERVICE_AREAS, errors,
                v -> v.strip().length() > 100 ? "must be at most 100 characters" : null)) {
            areasByKey.putIfAbsent(MunicipalityKey.of(area), area.strip());
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        if (in.location() != null && in.location().municipality() != null && !in.location().municipality().isBlank()) {
            keys.add(MunicipalityKey.of(in.location().municipality()));
            Double lat = in.location().latitude();
            Double lon = in.location().longitude();
            if ((lat == null) != (lon == null)) {
                errors.add(lat == null
                        ? new Problem.FieldError("location.latitude", "must be given together with location.longitude")
                        : new Problem.FieldError("location.longitude", "must be given together with location.latitude"));
            }
        }
        keys.addAll(areasByKey.keySet());

        List<LegalStatus> legalStatuses = new ArrayList<>();
        DirectoryInput.Eligibility e = in.eligibility();
        if (e != null) {
            if (e.minAge() != null && e.maxAge() != null && e.minAge() > e.maxAge()) {
                errors.add(new Problem.FieldError("eligibility.maxAge", "must not be less than eligibility.minAge"));
            }
            List<LegalStatus> statuses = e.legalStatuses() == null ? List.of() : e.legalStatuses();
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i) == null) {
                    errors.add(new Problem.FieldError("eligibility.legalStatuses[" + i + "]", "must not be null"));
                } else if (!legalStatuses.contains(statuses.get(i))) {
                    legalStatuses.add(statuses.get(i));
                }
            }
        }

        List<OpeningHoursEntry> schedules = new ArrayList<>();
        List<DirectoryInput.OpeningHours> hours = in.schedules() == null ? List.of() : in.schedules();
        if (hours.size() > MAX_SCHEDULES) {
            errors.add(new Problem.FieldError("schedules", "must have at most " + MAX_SCHEDULES + " entries"));
        }
        for (int i = 0; i < hours.size(); i++) {
            DirectoryInput.OpeningHours h = hours.get(i);
            if (h == null) {
                errors.add(new Problem.FieldError("schedules[" + i + "]", "must not be null"));
                continue;
            }
            if (h.weekday() == null || h.opensAt() == null || h.closesAt() == null) {
                continue; // bean validation names these
            }
            if (!h.opensAt().isBefore(h.closesAt())) {
                errors.add(new Problem.FieldError("schedules[" + i + "].closesAt", "must be after opensAt"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                DirectoryInput.OpeningHours other = hours.get(j);
                if (other != null && other.weekday() == h.weekday() && other.opensAt() != null
                        && other.closesAt() != null && h.opensAt().isBefore(other.closesAt())
                        && other.opensAt().isBefore(h.closesAt())) {
                    errors.add(new Problem.FieldError("schedules[" + i + "]",
                            "overlaps schedules[" + j + "] on " + h.weekday()));
                    break;
                }
            }
            schedules.add(new OpeningHoursEntry(h.weekday(), h.opensAt(), h.closesAt()));
        }
        return new Details(languages, new ArrayList<>(areasByKey.values()), new ArrayList<>(keys), legalStatuses,
                schedules);
    }

    /** The non-blank entries of a list of strings; blank or invalid entries are named as {@code field[i]}. */
    private static List<String> strings(List<String> values, String field, int max, List<Problem.FieldError> errors,
                                        Function<String, String> check) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            errors.add(new Problem.FieldError(field, "must have at most " + max + " entries"));
        }
        List<String> ok = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String problem = v == null || v.isBlank() ? "must not be blank" : check.apply(v);
            if (problem != null) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", problem));
            } else {
                ok.add(v.strip());
            }
        }
        return ok;
    }

    private static void apply(DirectoryService s, DirectoryInput.Service in, Details d, Caller caller,
                              OffsetDateTime now) {
        s.category = in.category();
        s.name = in.name().strip();
        s.description = blankToNull(in.description());
        DirectoryInput.Eligibility e = in.eligibility();
        s.minAge = e == null ? null : e.minAge();
        s.maxAge = e == null ? null : e.maxAge();
        s.sex = e == null || e.sex() == null ? EligibleSex.ANY : e.sex();
        s.legalStatuses = new ArrayList<>(d.legalStatuses().stream().map(Enum::name).toList());
        s.eligibilityDescription = e == null ? null : blankToNull(e.description());
        s.languages = new ArrayList<>(d.languages());
        s.interpretationAvailable = Boolean.TRUE.equals(in.interpretationAvailable());
        DirectoryInput.Location l = in.location();
        s.locationName = l == null ? null : blankToNull(l.name());
        s.address = l == null ? null : l.address().strip();
        s.postalCode = l == null ? null : blankToNull(l.postalCode());
        s.municipality = l == null ? null : l.municipality().strip();
        s.latitude = l == null ? null : l.latitude();
        s.longitude = l == null ? null : l.longitude();
        s.serviceAreas = new ArrayList<>(d.serviceAreas());
        s.municipalityKeys = new ArrayList<>(d.municipalityKeys());
        DirectoryInput.Contact c = in.contact();
        s.contactName = c == null ? null : blankToNull(c.name());
        s.contactEmail = c == null ? null : blankToNull(c.email());
        s.contactPhone = c == null ? null : blankToNull(c.phone());
        s.schedules.clear();
        s.schedules.addAll(d.schedules());
        s.updatedAt = now;
        s.updatedBy = caller.username();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Map<String, AgencyProfile> agencies() {
        return AgencyProfile.<AgencyProfile>listAll().stream().collect(Collectors.toMap(a -> a.alias, a -> a));
    }

    private static List<DirectoryView.Service> views(List<DirectoryService> services) {
        Map<String, AgencyProfile> agencies = agencies();
        return services.stream().map(s -> view(s, agencies)).toList();
    }

    static DirectoryView.Service view(DirectoryService s, Map<String, AgencyProfile> agencies) {
        AgencyProfile a = agencies.get(s.agency);
        DirectoryInput.Location location = s.municipality == null ? null : new DirectoryInput.Location(
                s.locationName, s.address, s.postalCode, s.municipality, s.latitude, s.longitude);
        DirectoryInput.Contact contact = s.contactName == null && s.contactEmail == null && s.contactPhone == null
                ? null : new DirectoryInput.Contact(s.contactName, s.contactEmail, s.contactPhone);
        DirectoryView.Capacity capacity = s.hasCapacity() ? new DirectoryView.Capacity(s.capacity, s.vacancies,
                s.waitlist, s.capacityUpdatedAt, s.capacityUpdatedBy) : null;
        return new DirectoryView.Service(s.id, DirectoryView.AgencyRef.of(a), s.category, s.name, s.description,
                s.status, new DirectoryView.Eligibility(s.minAge, s.maxAge, s.sex,
                s.legalStatuses.stream().map(LegalStatus::valueOf).toList(), s.eligibilityDescription),
                List.copyOf(s.languages), s.interpretationAvailable, location, List.copyOf(s.serviceAreas), contact,
                sortedHours(s.schedules), capacity, s.createdAt, s.updatedAt, s.version);
    }

    static List<DirectoryInput.OpeningHours> sortedHours(List<OpeningHoursEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing((OpeningHoursEntry h) -> h.weekday).thenComparing(h -> h.opensAt))
                .map(h -> new DirectoryInput.OpeningHours(h.weekday, h.opensAt, h.closesAt)).toList();
    }
}
