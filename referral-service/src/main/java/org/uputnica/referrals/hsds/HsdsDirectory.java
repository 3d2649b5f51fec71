package org.uputnica.referrals.hsds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.referrals.directory.AgencyProfile;
import org.uputnica.referrals.directory.Directory;
import org.uputnica.referrals.directory.DirectoryService;
import org.uputnica.referrals.directory.HsdsRecords;
import org.uputnica.referrals.directory.MunicipalityKey;
import org.uputnica.referrals.directory.ServiceStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The queries of the public HSDS API. Lists hold the active services only (and the organizations, locations and
 * service_at_locations of the directory); a service read by id may be inactive, with its status.
 * <p>
 * Each query filters one snapshot of the directory in memory: the directory holds a few hundred services, and
 * HSDS ids (name-based UUIDs of agency aliases and addresses, see {@link HsdsRecords}) are not columns to query.
 * Should it grow to tens of thousands, the filters belong in SQL like {@link Directory#search}'s.
 */
@ApplicationScoped
public class HsdsDirectory {
    private final Directory directory;
    private final HsdsRecords records;
    private final ObjectMapper mapper;

    public HsdsDirectory(Directory directory, HsdsRecords records, ObjectMapper mapper) {
        this.directory = directory;
        this.records = records;
        this.mapper = mapper;
    }

    public ObjectNode services(HsdsQuery q) {
        return directory.snapshot(d -> {
            View v = new View(d);
            return page(q, v.active().filter(s -> v.matches(s, q, true)).map(s -> records.service(s, v.agency(s))));
        });
    }

    public ObjectNode service(String id) {
        UUID uuid = HsdsQuery.uuid(id);
        return directory.snapshot(d -> {
            View v = new View(d);
            return v.all().filter(s -> s.id.equals(uuid)).findFirst().map(s -> records.service(s, v.agency(s)))
                    .orElseThrow(() -> notFound("service", id));
        });
    }

    public ObjectNode organizations(HsdsQuery q) {
        return directory.snapshot(d -> {
            View v = new View(d);
            return page(q, d.agencies().stream().filter(a -> v.matches(a, q)).map(records::organizationSummary));
        });
    }

    public ObjectNode organization(String id) {
        UUID uuid = HsdsQuery.uuid(id);
        return directory.snapshot(d -> {
            View v = new View(d);
            return d.agencies().stream().filter(a -> HsdsRecords.organizationId(a.alias).equals(uuid)).findFirst()
                    .map(a -> records.organization(a, v.activeOf(a)))
                    .orElseThrow(() -> notFound("organization", id));
        });
    }

    public ObjectNode locations(HsdsQuery q) {
        return directory.snapshot(d -> {
            View v = new View(d);
            return page(q, v.locations().values().stream()
                    .filter(at -> v.matchesLocation(at, q))
                    .map(at -> records.location(at.get(0), v.agency(at.get(0)))));
        });
    }

    public ObjectNode location(String id) {
        UUID uuid = HsdsQuery.uuid(id);
        return directory.snapshot(d -> {
            View v = new View(d);
            List<DirectoryService> at = v.locations().get(uuid);
            if (at == null) {
                throw notFound("location", id);
            }
            return records.location(at.get(0), v.agency(at.get(0)));
        });
    }

    public ObjectNode serviceAtLocations(HsdsQuery q) {
        return directory.snapshot(d -> {
            View v = new View(d);
            return page(q, v.active().filter(s -> s.municipality != null && v.matches(s, q, false))
                    .map(s -> records.serviceAtLocation(s, v.agency(s))));
        });
    }

    public ObjectNode serviceAtLocation(String id) {
        UUID uuid = HsdsQuery.uuid(id);
        return directory.snapshot(d -> {
            View v = new View(d);
            return v.active().filter(s -> uuid != null && uuid.equals(HsdsRecords.serviceAtLocationId(s))).findFirst()
                    .map(s -> records.serviceAtLocation(s, v.agency(s)))
                    .orElseThrow(() -> notFound("service_at_location", id));
        });
    }

    /** The HSDS page: its header, then the page's records. */
    private ObjectNode page(HsdsQuery q, Stream<ObjectNode> all) {
        List<ObjectNode> records = all.toList();
        int total = records.size();
        int totalPages = Math.max(1, (total + q.perPage() - 1) / q.perPage());
        long from = (long) (q.page() - 1) * q.perPage();
        List<ObjectNode> contents = from >= total ? List.of()
                : records.subList((int) from, (int) Math.min(total, from + q.perPage()));
        ObjectNode page = mapper.createObjectNode();
        page.put("total_items", total);
        page.put("total_pages", totalPages);
        page.put("page_number", q.page());
        page.put("size", contents.size());
        page.put("first_page", q.page() == 1);
        page.put("last_page", q.page() >= totalPages);
        page.put("empty", contents.isEmpty());
        page.putArray("contents").addAll(contents);
        return page;
    }

    private static ProblemException notFound(String kind, String id) {
        return ProblemException.notFound("no " + kind + " " + id + " in the directory");
    }

    /** One snapshot of the directory, with the look-ups the filters need. */
    private static final class View {
        final Directory.Snapshot d;
        final Map<String, AgencyProfile> agencies = new LinkedHashMap<>();

        View(Directory.Snapshot d) {
            this.d = d;
            d.agencies().forEach(a -> agencies.put(a.alias, a));
        }

        AgencyProfile agency(DirectoryService s) {
            return agencies.get(s.agency);
        }

        Stream<DirectoryService> all() {
            return d.servicesByAgency().values().stream().flatMap(List::stream);
        }

        Stream<DirectoryService> active() {
            return all().filter(s -> s.status == ServiceStatus.ACTIVE);
        }

        List<DirectoryService> activeOf(AgencyProfile a) {
            return d.servicesByAgency().getOrDefault(a.alias, List.of()).stream()
                    .filter(s -> s.status == ServiceStatus.ACTIVE).toList();
        }

        /** Each location of an active service, with the active services there, in the services' order. */
        Map<UUID, List<DirectoryService>> locations() {
            Map<UUID, List<DirectoryService>> at = new LinkedHashMap<>();
            active().filter(s -> s.municipality != null)
                    .forEach(s -> at.computeIfAbsent(HsdsRecords.locationId(s), k -> new ArrayList<>()).add(s));
            return at;
        }

        /** {@code serviceAreas}: whether the municipality may also be one the service covers without a location there. */
        boolean matches(DirectoryService s, HsdsQuery q, boolean serviceAreas) {
            return (q.organizationId() == null || q.organizationId().equals(HsdsRecords.organizationId(s.agency)))
                    && (q.municipality() == null || (serviceAreas ? s.municipalityKeys.contains(q.municipality())
                    : s.municipality != null && MunicipalityKey.of(s.municipality).equals(q.municipality())))
                    && (q.taxonomyTerm() == null || hasTerm(s, q.taxonomyTerm()))
                    && (q.taxonomy() == null || inTaxonomy(s, q.taxonomy()))
                    && (q.modifiedAfter() == null || s.updatedAt != null && !s.updatedAt.isBefore(q.modifiedAfter()))
                    && (q.search() == null || contains(q.search(), s.name, s.description, agency(s).name));
        }

        /** An organization matches a service filter when one of its active services does. */
        boolean matches(AgencyProfile a, HsdsQuery q) {
            HsdsQuery serviceFilters = new HsdsQuery(null, q.taxonomyTerm(), q.taxonomy(), null, q.municipality(),
                    null, 1, 1);
            boolean anyServiceFilter = q.taxonomyTerm() != null || q.taxonomy() != null || q.municipality() != null;
            return (q.organizationId() == null || q.organizationId().equals(HsdsRecords.organizationId(a.alias)))
                    && (q.search() == null || contains(q.search(), a.name, a.description, a.alias))
                    && (!anyServiceFilter || activeOf(a).stream().anyMatch(s -> matches(s, serviceFilters, true))
                    || q.taxonomyTerm() == null && q.taxonomy() == null && a.municipality != null
                    && MunicipalityKey.of(a.municipality).equals(q.municipality()));
        }

        /** A location matches when it is in the municipality, and one of its services matches the other filters. */
        boolean matchesLocation(List<DirectoryService> at, HsdsQuery q) {
            DirectoryService first = at.get(0);
            HsdsQuery serviceFilters = new HsdsQuery(null, q.taxonomyTerm(), q.taxonomy(), null, null,
                    q.modifiedAfter(), 1, 1);
            return (q.organizationId() == null || q.organizationId().equals(HsdsRecords.organizationId(first.agency)))
                    && (q.municipality() == null || MunicipalityKey.of(first.municipality).equals(q.municipality()))
                    && (q.search() == null || contains(q.search(), first.locationName, first.address))
                    && at.stream().anyMatch(s -> matches(s, serviceFilters, true));
        }

        private static boolean hasTerm(DirectoryService s, String term) {
            UUID id = HsdsQuery.uuid(term);
            return HsdsRecords.terms(s).stream().anyMatch(t -> id != null ? t.id().equals(id)
                    : t.code().equalsIgnoreCase(term));
        }

        private static boolean inTaxonomy(DirectoryService s, String taxonomy) {
            UUID id = HsdsQuery.uuid(taxonomy);
            return HsdsRecords.terms(s).stream().anyMatch(t -> id != null
                    ? HsdsRecords.taxonomyId(t.taxonomy()).equals(id) : t.taxonomy().equalsIgnoreCase(taxonomy));
        }

        private static boolean contains(String folded, String... texts) {
            Predicate<String> has = t -> t != null && MunicipalityKey.of(t).contains(folded);
            return Stream.of(texts).anyMatch(has);
        }
    }
}
