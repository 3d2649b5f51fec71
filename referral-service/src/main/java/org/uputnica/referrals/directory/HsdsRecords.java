package org.uputnica.referrals.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uputnica.referrals.referral.ServiceType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The directory's records as Open Referral HSDS 3.0 JSON (schema/*.json of the openreferral specification at tag
 * v3.0; the public API in the hsds/ package and the agencies' export below share them), plus {@code capacities}
 * with {@code unit} of HSDS 3.1 for places: HSDS allows fields of its own later versions and extensions.
 * <p>
 * HSDS wants UUIDs for every record. Agencies are keyed by alias here, and locations, schedules, languages and the
 * like have no ids of their own, so those ids are name-based UUIDs (version 3) of stable keys: the same directory
 * gives the same ids every time. The agency alias is also given as an organization_identifier. Opening hours carry
 * the UTC offset of the service's country at the time of the answer (Europe/Belgrade, Europe/Sarajevo). HSDS has no
 * waiting list; it is in the capacity's description. An address needs state_province and postal_code in HSDS 3.0:
 * the directory records no region, so state_province is empty, as is an unknown postal code. Null values are left
 * out.
 */
@ApplicationScoped
public class HsdsRecords {
    public static final String HSDS_VERSION = "3.0";
    public static final String CATEGORY_TAXONOMY = "uputnica-service-category";
    public static final String SEX_TAXONOMY = "uputnica-eligible-sex";
    public static final String LEGAL_STATUS_TAXONOMY = "uputnica-legal-status";

    static final String EXAMPLE = """
            {"total_items": 7, "total_pages": 1, "page_number": 1, "size": 7, "first_page": true, "last_page": true,
             "empty": false,
             "contents": [{"id": "3b5e8c5e-6a0c-3f0e-9d52-3c9e5c1a7f10", "name": "Komesarijat za izbeglice i migracije",
               "description": "Commissariat for refugees and migration (Serbia)",
               "organization_identifiers": [{"identifier_type": "uputnica-agency-alias", "identifier": "kirs"}],
               "services": [{"id": "d1000000-0000-4000-8000-000000000006", "name": "Prihvatni centar Kikinda",
                 "status": "active", "languages": [{"code": "fa", "name": "Persian"}],
                 "schedules": [{"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00+01:00",
                                "closes_at": "23:59+01:00"}],
                 "capacities": [{"available": 23, "maximum": 150, "unit": {"name": "place"}}]}]}]}""";

    private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Directory directory;
    private final ObjectMapper mapper;
    private final Clock clock;

    public HsdsRecords(Directory directory, ObjectMapper mapper, Clock clock) {
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The whole directory (inactive services too) as one page of fully nested organizations. */
    public ObjectNode export() {
        return directory.snapshot(snapshot -> {
            ObjectNode page = mapper.createObjectNode();
            int total = snapshot.agencies().size();
            page.put("total_items", total);
            page.put("total_pages", 1);
            page.put("page_number", 1);
            page.put("size", total);
            page.put("first_page", true);
            page.put("last_page", true);
            page.put("empty", total == 0);
            ArrayNode contents = page.putArray("contents");
            for (AgencyProfile agency : snapshot.agencies()) {
                contents.add(organization(agency, snapshot.servicesByAgency().getOrDefault(agency.alias, List.of())));
            }
            return page;
        });
    }

    public static UUID organizationId(String alias) {
        return id("organization", alias);
    }

    /** A name-based UUID of a stable key, so that every export gives the same record the same id. */
    public static UUID id(String... parts) {
        return UUID.nameUUIDFromBytes(("uputnica:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of a taxonomy term of ours ({@code taxonomy} one of the *_TAXONOMY names, {@code code} its code). */
    public static UUID termId(String taxonomy, String code) {
        return id("taxonomy-term", taxonomy, code);
    }

    public static UUID taxonomyId(String taxonomy) {
        return id("taxonomy", taxonomy);
    }

    /** A term of one of our taxonomies. */
    public record Term(String taxonomy, String code) {
        public UUID id() {
            return termId(taxonomy, code);
        }
    }

    /** The taxonomy terms a service is tagged with (as its attributes): its category, sex and legal statuses. */
    public static List<Term> terms(DirectoryService s) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(CATEGORY_TAXONOMY, s.category.name()));
        if (s.sex != EligibleSex.ANY) {
            terms.add(new Term(SEX_TAXONOMY, s.sex.name()));
        }
        s.legalStatuses.forEach(status -> terms.add(new Term(LEGAL_STATUS_TAXONOMY, status)));
        return terms;
    }

    /** The location of a service, null for one without a physical location. */
    public static UUID locationId(DirectoryService s) {
        return s.municipality == null ? null
                : id("location", s.agency, s.address.toLowerCase(Locale.ROOT), MunicipalityKey.of(s.municipality));
    }

    public static UUID serviceAtLocationId(DirectoryService s) {
        UUID location = locationId(s);
        return location == null ? null : id("service-at-location", s.id.toString(), location.toString());
    }

    /** An organization with its one-to-one fields only (as in HSDS lists). */
    public ObjectNode organizationSummary(AgencyProfile a) {
        ObjectNode org = mapper.createObjectNode();
        org.put("id", organizationId(a.alias).toString());
        org.put("name", a.name);
        org.put("description", a.description != null ? a.description : a.name);
        put(org, "email", a.email);
        put(org, "website", a.website);
        return org;
    }

    /** A fully nested organization: its phones, identifier, the locations of the given services, and those services. */
    public ObjectNode organization(AgencyProfile a, List<DirectoryService> services) {
        ObjectNode org = organizationSummary(a);
        String orgId = org.get("id").asText();
        if (a.phone != null) {
            org.putArray("phones").add(phone(id("organization-phone", a.alias), "organization_id", orgId, a.phone));
        }
        ObjectNode identifier = org.putArray("organization_identifiers").addObject();
        identifier.put("id", id("organization-identifier", a.alias).toString());
        identifier.put("organization_id", orgId);
        identifier.put("identifier_type", "uputnica-agency-alias");
        identifier.put("identifier", a.alias);

        Map<UUID, ObjectNode> locations = new LinkedHashMap<>();
        ArrayNode serviceNodes = mapper.createArrayNode();
        for (DirectoryService s : services) {
            if (s.municipality != null) {
                locations.computeIfAbsent(locationId(s), lid -> location(s, a));
            }
            serviceNodes.add(service(s, a));
        }
        org.putArray("locations").addAll(locations.values());
        org.set("services", serviceNodes);
        return org;
    }

    /** The location of a service that has one (municipality set), with its address. */
    public ObjectNode location(DirectoryService s, AgencyProfile a) {
        String locationId = locationId(s).toString();
        ObjectNode l = mapper.createObjectNode();
        l.put("id", locationId);
        l.put("location_type", "physical");
        l.put("organization_id", organizationId(a.alias).toString());
        put(l, "name", s.locationName);
        if (s.latitude != null) {
            l.put("latitude", s.latitude);
            l.put("longitude", s.longitude);
        }
        ObjectNode address = l.putArray("addresses").addObject();
        address.put("id", id("address", locationId).toString());
        address.put("location_id", locationId);
        address.put("address_1", s.address);
        address.put("city", s.municipality);
        address.put("state_province", "");
        address.put("postal_code", s.postalCode == null ? "" : s.postalCode);
        address.put("country", a.country);
        address.put("address_type", "physical");
        return l;
    }

    /** A service's link to its location, with the location and the service's one-to-one fields. */
    public ObjectNode serviceAtLocation(DirectoryService s, AgencyProfile a) {
        ObjectNode sal = mapper.createObjectNode();
        sal.put("id", serviceAtLocationId(s).toString());
        sal.put("service_id", s.id.toString());
        sal.put("location_id", locationId(s).toString());
        sal.set("location", location(s, a));
        sal.set("service", serviceSummary(s, a));
        return sal;
    }

    /** A service with its one-to-one fields only, and its organization's. */
    public ObjectNode serviceSummary(DirectoryService s, AgencyProfile a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", s.id.toString());
        n.put("organization_id", organizationId(a.alias).toString());
        n.put("name", s.name);
        put(n, "description", s.description);
        put(n, "email", s.contactEmail);
        n.put("status", s.status == ServiceStatus.ACTIVE ? "active" : "inactive");
        if (s.interpretationAvailable) {
            n.put("interpretation_services", "Interpreters can be arranged for languages the staff do not speak.");
        }
        put(n, "eligibility_description", s.eligibilityDescription);
        if (s.minAge != null) {
            n.put("minimum_age", s.minAge);
        }
        if (s.maxAge != null) {
            n.put("maximum_age", s.maxAge);
        }
        put(n, "last_modified", timestamp(s.updatedAt));
        return n;
    }

    /** A fully nested service, with its organization's one-to-one fields. */
    public ObjectNode service(DirectoryService s, AgencyProfile a) {
        ObjectNode n = serviceSummary(s, a);
        String sid = s.id.toString();
        n.set("organization", organizationSummary(a));
        ArrayNode phones = n.putArray("phones");
        if (s.contactPhone != null) {
            phones.add(phone(id("service-phone", sid), "service_id", sid, s.contactPhone));
        }
        ArrayNode contacts = n.putArray("contacts");
        if (s.contactName != null || s.contactEmail != null) {
            ObjectNode contact = contacts.addObject();
            contact.put("id", id("service-contact", sid).toString());
            contact.put("service_id", sid);
            put(contact, "name", s.contactName);
            put(contact, "email", s.contactEmail);
        }

        ZoneOffset offset = zone(a.country).getRules().getOffset(clock.instant());
        ArrayNode schedules = n.putArray("schedules");
        for (Map.Entry<String, List<DayOfWeek>> rule : weeklyRules(s.schedules).entrySet()) {
            String[] times = rule.getKey().split("-");
            String byday = String.join(",", rule.getValue().stream().map(d -> BYDAY[d.ordinal()]).toList());
            ObjectNode schedule = schedules.addObject();
            schedule.put("id", id("schedule", sid, rule.getKey()).toString());
            schedule.put("service_id", sid);
            schedule.put("freq", "WEEKLY");
            schedule.put("wkst", "MO");
            schedule.put("byday", byday);
            schedule.put("opens_at", times[0] + offset.getId().replace("Z", "+00:00"));
            schedule.put("closes_at", times[1] + offset.getId().replace("Z", "+00:00"));
        }

        ArrayNode areas = n.putArray("service_areas");
        for (String area : s.serviceAreas) {
            ObjectNode node = areas.addObject();
            node.put("id", id("service-area", sid, MunicipalityKey.of(area)).toString());
            node.put("service_id", sid);
            node.put("name", area);
            node.put("description", "Municipality " + area + " (" + a.country + ")");
        }

        ArrayNode atLocations = n.putArray("service_at_locations");
        if (s.municipality != null) {
            ObjectNode sal = atLocations.addObject();
            sal.put("id", serviceAtLocationId(s).toString());
            sal.put("service_id", sid);
            sal.put("location_id", locationId(s).toString());
            sal.set("location", location(s, a));
        }

        ArrayNode languages = n.putArray("languages");
        for (String code : s.languages) {
            ObjectNode language = languages.addObject();
            language.put("id", id("language", sid, code).toString());
            language.put("service_id", sid);
            String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isEmpty() && !name.equalsIgnoreCase(code)) {
                language.put("name", name);
            }
            language.put("code", code);
        }

        ArrayNode capacities = n.putArray("capacities");
        if (s.hasCapacity()) {
            ObjectNode capacity = capacities.addObject();
            capacity.put("id", id("service-capacity", sid).toString());
            capacity.put("service_id", sid);
            ObjectNode unit = mapper.createObjectNode();
            unit.put("id", id("unit", "place").toString());
            unit.put("name", "place");
            capacity.put("unit_id", unit.get("id").asText());
            capacity.set("unit", unit);
            capacity.put("available", s.vacancies);
            capacity.put("maximum", s.capacity);
            capacity.put("description", "Places: " + s.vacancies + " free of " + s.capacity + "; waiting list: "
                    + s.waitlist);
            capacity.put("updated", timestamp(s.capacityUpdatedAt));
        }

        ArrayNode attributes = n.putArray("attributes");
        attributes.add(attribute(sid, "category", CATEGORY_TAXONOMY, s.category.name(), label(s.category),
                "Uputnica service category (the service codes of referrals)"));
        if (s.sex != EligibleSex.ANY) {
            attributes.add(attribute(sid, "eligibility", SEX_TAXONOMY, s.sex.name(),
                    s.sex == EligibleSex.FEMALE ? "Women and girls only" : "Men and boys only",
                    "Whom the service takes by sex"));
        }
        for (String status : s.legalStatuses) {
            attributes.add(attribute(sid, "eligibility", LEGAL_STATUS_TAXONOMY, status,
                    label(status), "A legal status the service is open to"));
        }
        return n;
    }

    private ObjectNode phone(UUID id, String ownerField, String ownerId, String number) {
        ObjectNode phone = mapper.createObjectNode();
        phone.put("id", id.toString());
        phone.put(ownerField, ownerId);
        phone.put("number", number);
        phone.put("type", "voice");
        return phone;
    }

    private ObjectNode attribute(String serviceId, String linkType, String taxonomy, String code, String name,
                                 String description) {
        String termId = termId(taxonomy, code).toString();
        ObjectNode attribute = mapper.createObjectNode();
        attribute.put("id", id("attribute", serviceId, taxonomy, code).toString());
        attribute.put("link_id", serviceId);
        attribute.put("link_type", linkType);
        attribute.put("link_entity", "service");
        attribute.put("taxonomy_term_id", termId);
        ObjectNode term = attribute.putObject("taxonomy_term");
        term.put("id", termId);
        term.put("code", code);
        term.put("name", name);
        term.put("description", description);
        term.put("taxonomy", taxonomy);
        term.put("taxonomy_id", taxonomyId(taxonomy).toString());
        return attribute;
    }

    /** Opening hours grouped into weekly rules: one per time span, with the days it applies to in week order. */
    static Map<String, List<DayOfWeek>> weeklyRules(List<OpeningHoursEntry> entries) {
        Map<String, List<DayOfWeek>> rules = new LinkedHashMap<>();
        for (DirectoryInput.OpeningHours h : Directory.sortedHours(entries)) {
            rules.computeIfAbsent(h.opensAt().format(HH_MM) + "-" + h.closesAt().format(HH_MM),
                    k -> new ArrayList<>()).add(h.weekday());
        }
        return rules;
    }

    private static ZoneId zone(String country) {
        return ZoneId.of("BA".equals(country) ? "Europe/Sarajevo" : "Europe/Belgrade");
    }

    private static String timestamp(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String label(ServiceType category) {
        return label(category.name());
    }

    private static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
