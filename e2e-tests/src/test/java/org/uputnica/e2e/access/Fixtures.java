package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Real fixtures made through the API, for every situation a persona can be in towards every kind of
 * {@link Resource}. The personas act for three agencies (csr-kikinda, minrzs, udruzenje-rod), so each of those gets
 * its own cases, referrals, inbox items, webhooks; what is nobody's business of theirs is shared. A situation that
 * cannot exist for an agency (minrzs gives no directory service and has no agency-admin) has no fixture and is
 * reported as n/a.
 */
final class Fixtures {
    static final String CASE = "case";
    static final String REFERRAL = "referral";
    static final String NOTIFICATION = "notification";

    private static final String KIKINDA = "csr-kikinda";
    private static final String MINISTRY = "minrzs";
    private static final String ROD = "udruzenje-rod";
    static final List<String> AGENCIES = List.of(KIKINDA, MINISTRY, ROD);
    static final String OWN_GROUP = "kikinda-child-protection";
    static final String FOREIGN_GROUP = "bijeljina-child-protection";

    /** Who opens and refers each agency's cases, and who keeps its mailboxes and webhooks. */
    private static final Map<String, String> PRACTITIONER = Map.of(KIKINDA, "ana.csr", MINISTRY, "test.minrzs.caseworker",
            ROD, "marko.rod");
    private static final Map<String, String> ADMIN = Map.of(KIKINDA, "test.csr.admin", ROD, "nina.admin");
    private static final Map<String, String> WEBHOOK_KEEPER = Map.of(KIKINDA, "test.csr.admin",
            MINISTRY, Logins.INTEGRATION_CLIENT, ROD, "nina.admin");

    /** The other agencies, none of which a persona belongs to. */
    private static final String IOM = "iom-serbia";
    private static final String KIRS = "kirs";
    private static final String BIJELJINA = "csr-bijeljina";
    private static final String OTAHARIN = "otaharin";

    private static final String SHARING = """
            {"basis": "CONSENT", "consentReference": "signed form", "data": ["IDENTITY", "LANGUAGE"]}""";
    /** A webhook nobody answers: deliveries stay PENDING (retried for a day) during the run. */
    private static final String WEBHOOK_URL = "https://localhost:9/access-matrix";

    /** Where a situation's call goes ({id}, {code}, ...) and what its body's placeholders (${case}, ...) are. */
    record Target(Map<String, String> pathParams, Map<String, String> values) {
    }

    final Map<String, String> baseUrls;
    final Secrets secrets = new Secrets();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Map<Resource, Map<String, Target>>> fixed = new HashMap<>();
    private final List<Runnable> cleanups = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> webhooks = new HashMap<>();
    private String groupReferral;
    private String foreignReferral;

    private Fixtures(Map<String, String> baseUrls) {
        this.baseUrls = baseUrls;
        for (String agency : AGENCIES) {
            Map<Resource, Map<String, Target>> byResource = new EnumMap<>(Resource.class);
            for (Resource r : Resource.values()) {
                byResource.put(r, new HashMap<>());
            }
            fixed.put(agency, byResource);
        }
    }

    static Fixtures build(Map<String, String> baseUrls) {
        Fixtures f = new Fixtures(baseUrls);
        f.webhooks(); // first, so that the referrals below give them deliveries
        f.referralsOfOthers();
        for (String agency : AGENCIES) {
            f.referralsOf(agency);
        }
        f.inboxItems();
        f.webhookDeliveries();
        f.directory();
        f.fixedNames();
        return f;
    }

    /** The fixture for a persona in a situation; empty when the situation cannot exist for its agency. */
    Optional<Target> target(Resource resource, String situation, Persona persona) {
        String agency = persona.fixtureAgency();
        return resource.fresh() ? fresh(resource, situation, agency)
                : Optional.ofNullable(fixed.get(agency).get(resource).get(situation));
    }

    /** A value no other call uses (an address, a name). */
    String unique() {
        return run + "-" + counter.incrementAndGet();
    }

    /** Removes what the fixtures registered (webhooks, mailboxes), newest first; also on failure. */
    void cleanUp() {
        List<Runnable> all = new ArrayList<>(cleanups);
        Collections.reverse(all);
        all.forEach(Runnable::run);
        cleanups.clear();
    }

    /** Something a call made that must not outlive the run: DELETE it with the same caller at the end. */
    void deleteLater(String url, String login) {
        cleanups.add(() -> Http.send("DELETE", url, Logins.token(login), null, Map.of()));
    }

    private void webhooks() {
        for (String agency : AGENCIES) {
            webhooks.put(agency, registerWebhook(WEBHOOK_KEEPER.get(agency), "org.uputnica.referral.sent.v1"));
        }
    }

    private String registerWebhook(String keeper, String eventType) {
        String url = baseUrls.get(NOTIFICATION) + "/api/v1/webhooks";
        String id = Http.expect(201, "POST", url, Logins.token(keeper), """
                {"url": "%s", "eventTypes": ["%s"], "description": "access matrix %s"}"""
                .formatted(WEBHOOK_URL, eventType, unique())).path("id").asText();
        deleteLater(url + "/" + id, keeper);
        return id;
    }

    /** Referrals between agencies no persona works for: within the Kikinda group, in Bijeljina, and requests. */
    private void referralsOfOthers() {
        String groupCase = openCase("ivana.iom", IOM, "group");
        String groupReferral = refer("ivana.iom", IOM, groupCase, KIRS, false, "group");
        // escalated by the group's coordinator, so that the group's coordinators get an inbox item of their own
        Http.expect(200, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals/" + groupReferral + "/escalate",
                Logins.token("jelena.coordinator"), null);
        String foreignCase = openCase("senad.csr", BIJELJINA, "foreign");
        String foreignReferral = refer("senad.csr", BIJELJINA, foreignCase, OTAHARIN, false, "foreign");
        String receiverRequest = requestOf("ivana.iom", IOM, openCase("ivana.iom", IOM, "request-receiver"),
                List.of(KIKINDA, MINISTRY, ROD), "request-receiver");
        String groupRequest = requestOf("ivana.iom", IOM, groupCase, List.of(KIRS, OTAHARIN), "request-group");
        String foreignRequest = requestOf("senad.csr", BIJELJINA, foreignCase, List.of(OTAHARIN, IOM), "request-foreign");
        for (String agency : AGENCIES) {
            put(agency, Resource.CASE, "group", caseId(groupCase));
            put(agency, Resource.CASE, "foreign", caseId(foreignCase));
            put(agency, Resource.REFERRAL, "group", id(groupReferral));
            put(agency, Resource.REFERRAL, "foreign", id(foreignReferral));
            put(agency, Resource.REFERRAL_GROUP, "receiver", id(receiverRequest));
            put(agency, Resource.REFERRAL_GROUP, "group", id(groupRequest));
            put(agency, Resource.REFERRAL_GROUP, "foreign", id(foreignRequest));
        }
        this.groupReferral = groupReferral;
        this.foreignReferral = foreignReferral;
    }

    /** The agency's own case, the one it referred (and a request about it), and another's referred to it. */
    private void referralsOf(String agency) {
        String practitioner = PRACTITIONER.get(agency);
        put(agency, Resource.CASE, "own", caseId(openCase(practitioner, agency, "own-" + agency)));

        String sentCase = openCase(practitioner, agency, "sender-" + agency);
        String sent = refer(practitioner, agency, sentCase, IOM, false, "sender-" + agency);
        put(agency, Resource.CASE, "sender", caseId(sentCase));
        put(agency, Resource.REFERRAL, "sender", id(sent));
        put(agency, Resource.REFERRAL_GROUP, "sender",
                id(requestOf(practitioner, agency, sentCase, List.of(KIRS, IOM), "request-sender-" + agency)));

        String receivedCase = openCase("ivana.iom", IOM, "receiver-" + agency);
        put(agency, Resource.CASE, "receiver", caseId(receivedCase));
        put(agency, Resource.REFERRAL, "receiver", id(refer("ivana.iom", IOM, receivedCase, agency, false,
                "receiver-" + agency)));
        put(agency, Resource.REFERRAL, "draft-receiver", id(refer("ivana.iom", IOM, receivedCase, agency, true,
                "draft-receiver-" + agency)));
    }

    /** Items arrive through Kafka: wait for each. */
    private void inboxItems() {
        for (String agency : AGENCIES) {
            String practitioner = PRACTITIONER.get(agency);
            put(agency, Resource.INBOX_ITEM, "sender", id(inboxItem(practitioner,
                    referralIdOf(agency, "sender"), "REFERRAL_SENT", null)));
            put(agency, Resource.INBOX_ITEM, "receiver", id(inboxItem(practitioner,
                    referralIdOf(agency, "receiver"), "REFERRAL_RECEIVED", null)));
        }
        String groupItem = inboxItem("jelena.coordinator", groupReferral, "REFERRAL_ESCALATED", OWN_GROUP);
        String foreignItem = inboxItem("amra.otaharin", foreignReferral, "REFERRAL_RECEIVED", null);
        for (String agency : AGENCIES) {
            put(agency, Resource.INBOX_ITEM, "group", id(groupItem));
            put(agency, Resource.INBOX_ITEM, "foreign", id(foreignItem));
        }
    }

    private void webhookDeliveries() {
        Map<String, String> deliveries = new HashMap<>();
        for (String agency : AGENCIES) {
            String keeper = WEBHOOK_KEEPER.get(agency);
            String url = baseUrls.get(NOTIFICATION) + "/api/v1/webhooks/" + webhooks.get(agency) + "/deliveries";
            AtomicReference<String> delivery = new AtomicReference<>();
            await("a delivery of " + agency + "'s webhook").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300)).until(() -> {
                        JsonNode list = Http.expect(200, "GET", url, Logins.token(keeper), null);
                        delivery.set(list.path(0).path("id").asText(null));
                        return delivery.get() != null;
                    });
            deliveries.put(agency, delivery.get());
        }
        for (String agency : AGENCIES) {
            String other = foreignOf(agency);
            put(agency, Resource.WEBHOOK, "own", id(webhooks.get(agency)));
            put(agency, Resource.WEBHOOK, "foreign", id(webhooks.get(other)));
            put(agency, Resource.WEBHOOK_DELIVERY, "own", Map.of("deliveryId", deliveries.get(agency)));
            put(agency, Resource.WEBHOOK_DELIVERY, "foreign", Map.of("deliveryId", deliveries.get(other)));
        }
    }

    /** The seeded directory's services: the first of the agency's own (minrzs gives none), and one of KIRS. */
    private void directory() {
        String foreign = firstService(KIRS).orElseThrow(() -> new IllegalStateException("kirs has no service"));
        for (String agency : AGENCIES) {
            firstService(agency).ifPresent(own -> put(agency, Resource.DIRECTORY_SERVICE, "own", id(own)));
            put(agency, Resource.DIRECTORY_SERVICE, "foreign", id(foreign));
            put(agency, Resource.DIRECTORY_AGENCY, "own", Map.of("alias", agency));
            put(agency, Resource.DIRECTORY_AGENCY, "foreign", Map.of("alias", KIRS));
        }
    }

    private void fixedNames() {
        for (String agency : AGENCIES) {
            put(agency, Resource.NONE, "none", Map.of());
            put(agency, Resource.WORKING_GROUP, "own", Map.of("code", OWN_GROUP));
            put(agency, Resource.WORKING_GROUP, "foreign", Map.of("code", FOREIGN_GROUP));
            put(agency, Resource.PROTOCOL, "own", Map.of("code", "kikinda-children-begging", "version", "1"));
            put(agency, Resource.PROTOCOL, "foreign", Map.of("code", "bijeljina-children-begging", "version", "1"));
        }
    }

    private Optional<Target> fresh(Resource resource, String situation, String agency) {
        String owner = situation.equals("own") ? agency : foreignOf(agency);
        return switch (resource) {
            case NEW_PROTOCOL -> Optional.of(new Target(Map.of("code", "access-matrix-" + unique()),
                    Map.of("workingGroup", situation.equals("own") ? OWN_GROUP : FOREIGN_GROUP)));
            case NEW_WEBHOOK -> Optional.of(id(registerWebhook(WEBHOOK_KEEPER.get(owner),
                    "org.uputnica.referral.overdue.v1")));
            case NEW_RECIPIENT -> Optional.ofNullable(ADMIN.get(owner)).map(admin -> id(addRecipient(admin)));
            default -> throw new IllegalArgumentException(resource + " is not made afresh");
        };
    }

    private String addRecipient(String admin) {
        String url = baseUrls.get(NOTIFICATION) + "/api/v1/notification-settings/recipients";
        String id = Http.expect(201, "POST", url, Logins.token(admin), """
                {"email": "access-matrix-%s@example.test", "kinds": ["REFERRAL_COMPLETED"]}""".formatted(unique()))
                .path("id").asText();
        deleteLater(url + "/" + id, admin);
        return id;
    }

    /** For what one agency keeps to itself (webhooks, mailboxes): another persona agency's. */
    private static String foreignOf(String agency) {
        return agency.equals(ROD) ? KIKINDA : ROD;
    }

    private String openCase(String login, String agency, String tag) {
        String label = tag.replaceAll("[^a-zA-Z]", "");
        String given = "Given" + label + run;
        String family = "Family" + label + run;
        String born = LocalDate.of(2008, 1, 1).plusDays(counter.incrementAndGet()).toString();
        secrets.person(agency, "person of the " + tag + " case", given, family, born);
        return Http.expect(201, "POST", baseUrls.get(CASE) + "/api/v1/cases", Logins.token(login), """
                {"person": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "FEMALE"},
                 "category": "CHILD_FOUND_BEGGING"}""".formatted(given, family, born)).path("id").asText();
    }

    private String refer(String login, String from, String caseId, String to, boolean draft, String tag) {
        String reason = "Reason of the " + tag + " referral " + run;
        JsonNode created = Http.expect(201, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals", Logins.token(login), """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
                 "reason": "%s", "draft": %s, "sharing": %s}""".formatted(caseId, to, reason, draft, SHARING));
        secrets.reason(reason, "reason of the " + tag + " referral",
                List.of(new Secrets.Parties(from, to, created.path("workingGroup").asText(null), draft)));
        return created.path("id").asText();
    }

    private String requestOf(String login, String from, String caseId, List<String> to, String tag) {
        String reason = "Reason of the " + tag + " request " + run;
        JsonNode created = Http.expect(201, "POST", baseUrls.get(REFERRAL) + "/api/v1/referral-groups",
                Logins.token(login), """
                        {"caseId": "%s", "toAgencies": ["%s"], "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
                         "reason": "%s", "sharing": %s}""".formatted(caseId, String.join("\", \"", to), reason, SHARING));
        List<Secrets.Parties> candidates = new ArrayList<>();
        created.path("referrals").forEach(r -> candidates.add(new Secrets.Parties(from, r.path("toAgency").asText(),
                r.path("workingGroup").asText(null), false)));
        secrets.reason(reason, "reason of the " + tag + " request", candidates);
        return created.path("id").asText();
    }

    private String inboxItem(String login, String referralId, String kind, String workingGroup) {
        String url = baseUrls.get(NOTIFICATION) + "/api/v1/inbox?referralId=" + referralId + "&kind=" + kind;
        AtomicReference<String> item = new AtomicReference<>();
        await(login + " sees " + kind + " of " + referralId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    for (JsonNode i : Http.expect(200, "GET", url, Logins.token(login), null).path("items")) {
                        if (workingGroup == null || workingGroup.equals(i.path("recipientWorkingGroup").asText(null))) {
                            item.set(i.path("id").asText());
                            return true;
                        }
                    }
                    return false;
                });
        return item.get();
    }

    private Optional<String> firstService(String agency) {
        JsonNode services = Http.expect(200, "GET", baseUrls.get(REFERRAL) + "/api/v1/directory/agencies/" + agency,
                Logins.token("ana.csr"), null).path("services");
        return services.isEmpty() ? Optional.empty() : Optional.of(services.get(0).path("id").asText());
    }

    private String referralIdOf(String agency, String situation) {
        return fixed.get(agency).get(Resource.REFERRAL).get(situation).pathParams().get("id");
    }

    private static Target id(String id) {
        return new Target(Map.of("id", id), Map.of());
    }

    /** A case is also what a body refers to (${case}): a referral or a request about it. */
    private static Target caseId(String id) {
        return new Target(Map.of("id", id), Map.of("case", id));
    }

    private void put(String agency, Resource resource, String situation, Target target) {
        fixed.get(agency).get(resource).put(situation, target);
    }

    private void put(String agency, Resource resource, String situation, Map<String, String> pathParams) {
        put(agency, resource, situation, new Target(pathParams, Map.of()));
    }

}
