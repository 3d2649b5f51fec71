package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * reported as n/a. The case-service learns referrals from Kafka: the fixtures are ready only once it shows each
 * case's owner the referrals that make the case's situation.
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

    /** What every fixture referral shares: an agency that accepts one sees the person's names, not the birth date. */
    private static final List<String> SHARED = List.of("IDENTITY", "LANGUAGE");
    /** Under the consent record that {@link #consentTo} made for the receiver (a consent reference alone is refused). */
    private static final String SHARING = """
            {"basis": "CONSENT", "consentId": "%s", "data": ["IDENTITY", "LANGUAGE"]}""";
    /** A webhook nobody answers: deliveries stay PENDING (retried for a day) during the run; the path is unique. */
    private static final String WEBHOOK_URL = "https://localhost:9/matrix-hook-";
    /** Who sends transfers to the personas' agencies: a supervisor of iom-serbia (a transfer needs a supervisor). */
    private static final String IOM_SUPERVISOR = "test.iom.supervisor";
    /** A transfer hands over the whole file: every kind of data, here on a legal basis (no consent record needed). */
    private static final String TRANSFER_SHARING = """
            {"basis": "LEGAL_BASIS", "legalBasis": "Access matrix: urgent protection of a child",
             "data": ["IDENTITY", "NATIONAL_ID", "DATE_OF_BIRTH", "CONTACT", "LANGUAGE", "LEGAL_STATUS", "FAMILY", "HEALTH",
                      "RISK_ASSESSMENT", "CASE_SUMMARY"]}""";

    /** Where a situation's call goes ({id}, {code}, ...) and what its body's placeholders (${case}, ...) are. */
    record Target(Map<String, String> pathParams, Map<String, String> values) {
    }

    /**
     * A case in a situation: its owner's practitioner (who keeps its records), its data as far as the leak check
     * goes, and the referral that makes the situation (null for an own case), accepted by its receiver or not.
     */
    private record SituatedCase(String id, String ownerLogin, Person person, Secrets.CaseData data, String referralId,
                                boolean accepted) {
    }

    /** A fixture case's person: names unique to the case, and a birth date no other fixture case has. */
    private record Person(String givenName, String familyName, String dateOfBirth) {
    }

    final Map<String, String> baseUrls;
    final Secrets secrets = new Secrets();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** This run's JMBG serial (BBB), so that no earlier run's case has the same numbers. */
    private final int serial = Math.floorMod(run.hashCode(), 1000);
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Map<Resource, Map<String, Target>>> fixed = new HashMap<>();
    private final List<Runnable> cleanups = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> webhooks = new HashMap<>();
    /** The fixed cases by the caller's agency and situation. */
    private final Map<String, Map<String, SituatedCase>> cases = new HashMap<>();
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
        f.mailboxes();
        f.referralsOfOthers();
        for (String agency : AGENCIES) {
            f.referralsOf(agency);
        }
        f.transfers();
        f.caseRecords();
        f.inboxItems();
        f.webhookDeliveries();
        f.directory();
        f.fixedNames();
        f.awaitTheCaseServiceSees(f.cases.values().stream().flatMap(m -> m.values().stream()).toList());
        return f;
    }

    /**
     * The fixtures of one row, for every persona in every situation; empty where the situation cannot exist for the
     * persona's agency. Fresh ones are made here for each call, all of the row's at once, so that the wait for the
     * case-service to learn their referrals is one wait.
     */
    Map<Persona, Map<String, Optional<Target>>> targets(Resource resource) {
        Map<Persona, Map<String, Optional<Target>>> targets = new EnumMap<>(Persona.class);
        List<SituatedCase> made = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            Map<String, Optional<Target>> bySituation = new LinkedHashMap<>();
            String agency = persona.fixtureAgency();
            for (String situation : resource.situations) {
                bySituation.put(situation, resource.fresh() ? fresh(resource, situation, agency, made)
                        : Optional.ofNullable(fixed.get(agency).get(resource).get(situation)));
            }
            targets.put(persona, bySituation);
        }
        awaitTheCaseServiceSees(made);
        return targets;
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
            webhooks.put(agency, registerWebhook(agency, "org.uputnica.referral.sent.v1"));
        }
    }

    /** A webhook of {@code agency}: its id and its URL (unique to it) are for that agency's eyes only. */
    private String registerWebhook(String agency, String eventType) {
        String keeper = WEBHOOK_KEEPER.get(agency);
        String url = baseUrls.get(NOTIFICATION) + "/api/v1/webhooks";
        String endpoint = WEBHOOK_URL + agency + "-" + unique();
        secrets.agencyRow(agency, endpoint, "webhook URL of " + agency);
        String id = Http.expect(201, "POST", url, Logins.token(keeper), """
                {"url": "%s", "eventTypes": ["%s"], "description": "access matrix %s"}"""
                .formatted(endpoint, eventType, unique())).path("id").asText();
        secrets.agencyRow(agency, id, "webhook id of " + agency);
        deleteLater(url + "/" + id, keeper);
        return id;
    }

    /** A mailbox (e-mail recipient) of each agency with an admin: its address is for that agency's eyes only. */
    private void mailboxes() {
        ADMIN.forEach((agency, admin) -> {
            String address = "matrix-mailbox-" + agency + "-" + unique() + "@example.test";
            secrets.agencyRow(agency, address, "mailbox of " + agency);
            String url = baseUrls.get(NOTIFICATION) + "/api/v1/notification-settings/recipients";
            String id = Http.expect(201, "POST", url, Logins.token(admin), """
                    {"email": "%s", "kinds": ["REFERRAL_COMPLETED"]}""".formatted(address)).path("id").asText();
            deleteLater(url + "/" + id, admin);
        });
    }

    /**
     * Transfers, sent and never answered: csr-kikinda's (sent by its supervisor) to iom-serbia, iom-serbia's to each
     * persona agency, to kirs (in the Kikinda working group) and to otaharin (in no group with the personas).
     */
    private void transfers() {
        String sent = transfer("milica.supervisor", KIKINDA, IOM, "transfer-sender");
        put(KIKINDA, Resource.TRANSFER, "sender", id(sent));
        for (String agency : AGENCIES) {
            put(agency, Resource.TRANSFER, "receiver", id(transfer(IOM_SUPERVISOR, IOM, agency, "transfer-to-" + agency)));
        }
        String group = transfer(IOM_SUPERVISOR, IOM, KIRS, "transfer-group");
        String foreign = transfer(IOM_SUPERVISOR, IOM, OTAHARIN, "transfer-foreign");
        for (String agency : AGENCIES) {
            put(agency, Resource.TRANSFER, "group", id(group));
            put(agency, Resource.TRANSFER, "foreign", id(foreign));
        }
    }

    private String transfer(String supervisor, String from, String to, String tag) {
        String caseId = openCase(supervisor, from, tag).id();
        String reason = "Reason of the " + tag + " transfer " + run;
        JsonNode created = Http.expect(201, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals", Logins.token(supervisor), """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
                 "reason": "%s", "kind": "TRANSFER", "sharing": %s}""".formatted(caseId, to, reason, TRANSFER_SHARING));
        secrets.reason(reason, "reason of the " + tag + " transfer",
                List.of(new Secrets.Parties(from, to, created.path("workingGroup").asText(null), false)));
        return created.path("id").asText();
    }

    /** Referrals between agencies no persona works for: within the Kikinda group, in Bijeljina, and requests. */
    private void referralsOfOthers() {
        SituatedCase group = situate("group", KIKINDA, "group");
        String groupCase = group.id();
        String groupReferral = group.referralId();
        // escalated by the group's coordinator, so that the group's coordinators get an inbox item of their own
        Http.expect(200, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals/" + groupReferral + "/escalate",
                Logins.token("jelena.coordinator"), null);
        SituatedCase foreign = situate("foreign", KIKINDA, "foreign");
        String foreignCase = foreign.id();
        String foreignReferral = foreign.referralId();
        String receiverRequest = requestOf("ivana.iom", IOM, openCase("ivana.iom", IOM, "request-receiver").id(),
                List.of(KIKINDA, MINISTRY, ROD), "request-receiver");
        String groupRequest = requestOf("ivana.iom", IOM, groupCase, List.of(KIRS, OTAHARIN), "request-group");
        String foreignRequest = requestOf("senad.csr", BIJELJINA, foreignCase, List.of(OTAHARIN, IOM), "request-foreign");
        for (String agency : AGENCIES) {
            cases.computeIfAbsent(agency, a -> new HashMap<>()).put("group", group);
            cases.get(agency).put("foreign", foreign);
            put(agency, Resource.REFERRAL, "group", id(groupReferral));
            put(agency, Resource.REFERRAL, "foreign", id(foreignReferral));
            put(agency, Resource.REFERRAL_GROUP, "receiver", id(receiverRequest));
            put(agency, Resource.REFERRAL_GROUP, "group", id(groupRequest));
            put(agency, Resource.REFERRAL_GROUP, "foreign", id(foreignRequest));
        }
        this.groupReferral = groupReferral;
        this.foreignReferral = foreignReferral;
    }

    /**
     * The agency's own case, the one it referred (and a request about it), another's whose referral it accepted, and
     * another's referred to it and not accepted yet (with a draft to it beside).
     */
    private void referralsOf(String agency) {
        Map<String, SituatedCase> own = cases.computeIfAbsent(agency, a -> new HashMap<>());
        own.put("own", situate("own", agency, "own-" + agency));

        SituatedCase sent = situate("sender", agency, "sender-" + agency);
        own.put("sender", sent);
        put(agency, Resource.REFERRAL, "sender", id(sent.referralId()));
        put(agency, Resource.REFERRAL_GROUP, "sender", id(requestOf(PRACTITIONER.get(agency), agency, sent.id(),
                List.of(KIRS, IOM), "request-sender-" + agency)));

        own.put("receiver", situate("receiver", agency, "receiver-" + agency));

        SituatedCase pending = situate("pending", agency, "pending-" + agency);
        own.put("pending", pending);
        put(agency, Resource.REFERRAL, "receiver", id(pending.referralId()));
        put(agency, Resource.REFERRAL, "draft-receiver", id(refer("ivana.iom", IOM, pending.id(), agency, true,
                "draft-receiver-" + agency)));
    }

    /**
     * A case in a situation towards {@code agency}'s callers, with the referral that makes it: own (never referred),
     * sender (referred by the agency), receiver (another's, accepted by the agency), pending (another's, sent to the
     * agency), group (between two other agencies of the Kikinda working group), foreign (in Bijeljina's).
     */
    private SituatedCase situate(String situation, String agency, String tag) {
        String practitioner = PRACTITIONER.get(agency);
        return switch (situation) {
            case "own" -> openCase(practitioner, agency, tag);
            case "sender" -> referred(openCase(practitioner, agency, tag), agency, IOM, false, tag);
            case "receiver" -> referred(openCase("ivana.iom", IOM, tag), IOM, agency, true, tag);
            case "pending" -> referred(openCase("ivana.iom", IOM, tag), IOM, agency, false, tag);
            case "group" -> referred(openCase("ivana.iom", IOM, tag), IOM, KIRS, false, tag);
            case "foreign" -> referred(openCase("senad.csr", BIJELJINA, tag), BIJELJINA, OTAHARIN, false, tag);
            default -> throw new IllegalArgumentException("no case situation " + situation);
        };
    }

    /** Referred by its owner to {@code to}, and accepted there if {@code accept}: then {@code to} sees what was shared. */
    private SituatedCase referred(SituatedCase c, String from, String to, boolean accept, String tag) {
        String referral = refer(c.ownerLogin(), from, c.id(), to, false, tag);
        if (accept) {
            Http.expect(200, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals/" + referral + "/accept",
                    Logins.token(PRACTITIONER.get(to)), null);
            c.data().sharedWith(to, SHARED);
        }
        return new SituatedCase(c.id(), c.ownerLogin(), c.person(), c.data(), referral, accept);
    }

    /**
     * Each fixed case gets a consent, a document, a note, a goal, a task and a confirmed match with another agency's
     * record of the same child from its owner, each with a text that must show only to the owner agency; and each
     * situation its case and the referral that makes it.
     */
    private void caseRecords() {
        Map<String, Target> done = new HashMap<>(); // the shared cases (group, foreign) get their records once
        cases.forEach((agency, bySituation) -> bySituation.forEach((situation, c) -> {
            Target target = done.computeIfAbsent(c.id(), id -> records(c, agency + "-" + situation));
            put(agency, Resource.CASE, situation, target);
            if (c.referralId() != null) {
                put(agency, Resource.CASE_REFERRAL, situation, Map.of("caseId", c.id(), "referralId", c.referralId()));
            }
        }));
    }

    private Target records(SituatedCase c, String tag) {
        String caseUrl = baseUrls.get(CASE) + "/api/v1/cases/" + c.id();
        String token = Logins.token(c.ownerLogin());
        String consentId = recordConsent(c, tag);
        String content = "Document of the " + tag + " case " + run;
        c.data().record("document", content);
        String documentId = Http.expect(201, "POST", caseUrl + "/documents?name=matrix-" + tag + ".txt", token,
                content, Map.of("Content-Type", "text/plain")).path("id").asText();
        String note = "Note of the " + tag + " case " + run;
        c.data().record("note", note);
        Http.expect(201, "POST", caseUrl + "/notes", token, """
                {"text": "%s", "confidential": false}""".formatted(note));
        String goal = "Goal of the " + tag + " case " + run;
        c.data().record("goal", goal);
        String goalId = idOf(Http.expect(201, "POST", caseUrl + "/plan/goals", token, """
                {"title": "%s"}""".formatted(goal)).path("goals"), goal);
        String task = "Task of the " + tag + " case " + run;
        c.data().record("task", task);
        String taskId = idOf(Http.expect(201, "POST", caseUrl + "/plan/goals/" + goalId + "/tasks", token, """
                {"title": "%s", "dueOn": "2030-01-01"}""".formatted(task)).path("goals").path(0).path("tasks"), task);
        ConfirmedMatch match = confirmedMatch(c, tag);
        return new Target(Map.of("id", c.id(), "caseId", c.id(), "consentId", consentId, "documentId", documentId,
                "goalId", goalId, "taskId", taskId, "suggestionId", match.suggestionId(), "linkId", match.linkId()),
                Map.of("case", c.id()));
    }

    /** A suggestion its owner confirmed, and the link that made. */
    private record ConfirmedMatch(String suggestionId, String linkId) {
    }

    /**
     * kirs (no persona's agency) records the same child, spelled with y for i, which folds alike: the owner is
     * suggested the match and confirms it with a note that only the owner agency may read. The match is decided, so
     * a later confirmation or rejection answers 409 and changes nothing. So does a dissolution of the link after the
     * first (which rejects the pair: still decided).
     */
    private ConfirmedMatch confirmedMatch(SituatedCase c, String tag) {
        String given = "Gyven" + c.person().givenName().substring("Given".length());
        String family = "Famyly" + c.person().familyName().substring("Family".length());
        secrets.caseData(KIRS, "kirs case of the " + tag + " case's person").identity(given, family);
        String twin = open("dragan.kirs", new Person(given, family, c.person().dateOfBirth()));

        String suggestions = baseUrls.get(CASE) + "/api/v1/cases/" + c.id() + "/match-suggestions";
        String token = Logins.token(c.ownerLogin());
        // records are compared only between agencies with an active referral about either record
        // (docs/record-linking.md): kirs refers its twin to the owner agency (so that no persona becomes a party of
        // the fixture's case), and the case-service learns of it through Kafka
        String owner = Http.expect(200, "GET", baseUrls.get(CASE) + "/api/v1/cases/" + c.id(), token, null)
                .path("ownerAgency").asText();
        refer("dragan.kirs", KIRS, twin, owner, false, tag + " twin");
        String[] found = new String[1];
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (JsonNode s : Http.expect(200, "GET", suggestions, token, null)) {
                    boolean sameBirthDate = s.path("reasons").findValuesAsText("code").contains("SAME_DATE_OF_BIRTH");
                    if (KIRS.equals(s.path("otherAgency").asText()) && sameBirthDate) {
                        found[0] = s.path("id").asText();
                    }
                }
                return found[0] != null;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("the " + tag + " case is not suggested its kirs twin", e);
        }
        String id = found[0];
        String note = "Link note of the " + tag + " case " + run;
        c.data().record("record link note", note);
        String linkId = Http.expect(200, "POST", suggestions + "/" + id + "/confirmation", token, """
                {"note": "%s"}""".formatted(note)).path("linkId").asText();
        return new ConfirmedMatch(id, linkId);
    }

    /** A consent to share with kirs (no fixture referral rests on it): its giver's name is the owner's to see. */
    private String recordConsent(SituatedCase c, String tag) {
        String giver = "Giver of the " + tag + " consent " + unique();
        c.data().record("consent giver", giver);
        return Http.expect(201, "POST", baseUrls.get(CASE) + "/api/v1/cases/" + c.id() + "/consents",
                Logins.token(c.ownerLogin()), """
                        {"givenBy": "GUARDIAN", "giverName": "%s", "purpose": "Access matrix", "toAgency": "kirs",
                         "data": ["IDENTITY"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(giver, LocalDate.now())).path("id").asText();
    }

    /** The id of the element of {@code list} (a plan's goals, or a goal's tasks) whose title is {@code title}. */
    private static String idOf(JsonNode list, String title) {
        for (JsonNode item : list) {
            if (title.equals(item.path("title").asText())) {
                return item.path("id").asText();
            }
        }
        throw new IllegalStateException("no '" + title + "' in " + list);
    }

    /**
     * Referral events reach the case-service through Kafka: wait until each case's owner sees there the referral
     * that makes its situation (an accepted one giving access), so that collaborators and coordinators are what
     * the table says they are before the first call.
     */
    private void awaitTheCaseServiceSees(List<SituatedCase> situated) {
        List<SituatedCase> waiting = new ArrayList<>(situated.stream().filter(c -> c.referralId() != null).distinct()
                .toList());
        if (waiting.isEmpty()) {
            return;
        }
        await("the case-service learns the fixtures' referrals").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300)).until(() -> {
                    waiting.removeIf(this::caseServiceSees);
                    return waiting.isEmpty();
                });
    }

    private boolean caseServiceSees(SituatedCase c) {
        JsonNode collaborations = Http.expect(200, "GET", baseUrls.get(CASE) + "/api/v1/cases/" + c.id()
                + "/collaborations", Logins.token(c.ownerLogin()), null);
        for (JsonNode r : collaborations) {
            if (c.referralId().equals(r.path("referralId").asText())) {
                return !c.accepted() || r.path("accessNow").asBoolean(false);
            }
        }
        return false;
    }

    /** Items arrive through Kafka: wait for each. */
    private void inboxItems() {
        for (String agency : AGENCIES) {
            String practitioner = PRACTITIONER.get(agency);
            String sent = inboxItem(practitioner, referralIdOf(agency, "sender"), "REFERRAL_SENT", null);
            String received = inboxItem(practitioner, referralIdOf(agency, "receiver"), "REFERRAL_RECEIVED", null);
            secrets.agencyRow(agency, sent, "inbox item of " + agency);
            secrets.agencyRow(agency, received, "inbox item of " + agency);
            put(agency, Resource.INBOX_ITEM, "sender", id(sent));
            put(agency, Resource.INBOX_ITEM, "receiver", id(received));
        }
        String groupItem = inboxItem("jelena.coordinator", groupReferral, "REFERRAL_ESCALATED", OWN_GROUP);
        secrets.groupRow(OWN_GROUP, groupItem, "inbox item of the coordinators of " + OWN_GROUP);
        String foreignItem = inboxItem("amra.otaharin", foreignReferral, "REFERRAL_RECEIVED", null);
        secrets.agencyRow(OTAHARIN, foreignItem, "inbox item of " + OTAHARIN);
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

    /**
     * The seeded directory's services: the first of the agency's own (minrzs gives none), and one of KIRS; with the
     * ids the public HSDS API gives the service's organization, location and service_at_location (a service without
     * a location borrows KIRS's).
     */
    private void directory() {
        String foreign = firstService(KIRS).orElseThrow(() -> new IllegalStateException("kirs has no service"));
        Map<String, String> foreignIds = hsdsIds(foreign, Map.of());
        for (String agency : AGENCIES) {
            firstService(agency).ifPresent(own -> put(agency, Resource.DIRECTORY_SERVICE, "own",
                    hsdsIds(own, foreignIds)));
            put(agency, Resource.DIRECTORY_SERVICE, "foreign", foreignIds);
            put(agency, Resource.DIRECTORY_AGENCY, "own", Map.of("alias", agency));
            put(agency, Resource.DIRECTORY_AGENCY, "foreign", Map.of("alias", KIRS));
        }
    }

    private void fixedNames() {
        for (String agency : AGENCIES) {
            put(agency, Resource.NONE, "none", Map.of());
            // {agency}: a member agency, for the platform administration's member calls
            put(agency, Resource.WORKING_GROUP, "own", Map.of("code", OWN_GROUP, "agency", KIRS));
            put(agency, Resource.WORKING_GROUP, "foreign", Map.of("code", FOREIGN_GROUP, "agency", "otaharin"));
            put(agency, Resource.PROTOCOL, "own", Map.of("code", "kikinda-children-begging", "version", "1"));
            put(agency, Resource.PROTOCOL, "foreign", Map.of("code", "bijeljina-children-begging", "version", "1"));
            put(agency, Resource.AGENCY, "own", Map.of("agency", agency));
            put(agency, Resource.AGENCY, "foreign", Map.of("agency", foreignOf(agency)));
        }
    }

    private Optional<Target> fresh(Resource resource, String situation, String agency, List<SituatedCase> made) {
        String owner = situation.equals("own") ? agency : foreignOf(agency);
        return switch (resource) {
            case NEW_CONSENT -> {
                SituatedCase c = cases.get(agency).get(situation);
                yield Optional.of(new Target(Map.of("caseId", c.id(), "consentId", recordConsent(c, "fresh-" + unique())),
                        Map.of()));
            }
            case NEW_CASE -> {
                SituatedCase c = situate(situation, agency, "fresh-" + situation + "-" + agency);
                made.add(c);
                yield Optional.of(new Target(Map.of("id", c.id(), "caseId", c.id()), Map.of("case", c.id())));
            }
            case NEW_PROTOCOL -> Optional.of(new Target(Map.of("code", "access-matrix-" + unique()),
                    Map.of("workingGroup", situation.equals("own") ? OWN_GROUP : FOREIGN_GROUP)));
            case NEW_WEBHOOK -> Optional.of(id(registerWebhook(owner, "org.uputnica.referral.overdue.v1")));
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

    /**
     * A case of {@code agency}'s, opened by {@code login}; its person's names, birth date, JMBG, contacts, family,
     * guardian and risk reason are unique to it.
     */
    private SituatedCase openCase(String login, String agency, String tag) {
        String label = tag.replaceAll("[^a-zA-Z]", "") + letters(counter.incrementAndGet());
        LocalDate born = LocalDate.of(2008, 1, 1).plusDays(counter.incrementAndGet());
        Person person = new Person("Given" + label + run, "Family" + label + run, born.toString());
        String jmbg = jmbg(born);
        String phone = "+381 60 " + (1_000_000 + counter.incrementAndGet()) + " " + serial;
        String email = "contact-" + label.toLowerCase(java.util.Locale.ROOT) + "-" + run + "@example.test";
        String mother = "Mother" + label + run;
        String guardian = "Guardian" + label + run;
        String risk = "Risk reason of the " + tag + " case " + run;
        Secrets.CaseData data = secrets.caseData(agency, tag + " case")
                .identity(person.givenName(), person.familyName()).kind("NATIONAL_ID", "JMBG", jmbg)
                .dateOfBirth(person.dateOfBirth())
                .kind("CONTACT", "contact", phone, email).kind("FAMILY", "family", mother, guardian)
                .kind("RISK_ASSESSMENT", "risk reason", risk);
        String details = """
                , "identifiers": [{"type": "JMBG", "value": "%s"}],
                  "contacts": [{"kind": "PHONE", "value": "%s"}, {"kind": "EMAIL", "value": "%s"}],
                  "family": [{"relation": "MOTHER", "name": "%s"}], "guardian": {"name": "%s"}},
                 "risk": {"level": "HIGH", "reason": "%s"}""".formatted(jmbg, phone, email, mother, guardian, risk);
        return new SituatedCase(open(login, person, details), login, person, data, null, false);
    }

    /** A valid JMBG for the date of birth: DDMMYYY, region 80, this run's serial, the mod-11 check digit. */
    private String jmbg(LocalDate born) {
        String first = String.format("%02d%02d%03d80%03d", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 1000, serial);
        int[] weights = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += weights[i] * (first.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        return first + (check > 9 ? 0 : check);
    }

    private String open(String login, Person person) {
        return open(login, person, "}");
    }

    /** {@code rest} closes the person (more of its fields before) and may add the case's own fields. */
    private String open(String login, Person person, String rest) {
        return Http.expect(201, "POST", baseUrls.get(CASE) + "/api/v1/cases", Logins.token(login), """
                {"person": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "FEMALE"%s,
                 "category": "CHILD_FOUND_BEGGING"}""".formatted(person.givenName(), person.familyName(),
                person.dateOfBirth(), rest)).path("id").asText();
    }

    /** A number in letters (1 = b, 26 = ba), so that names stay letters only and still unique. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        do {
            out.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    /** The owner's consent record to share the fixture's data with {@code to}; its giver is not a secret checked. */
    private String consentTo(String login, String caseId, String to) {
        return Http.expect(201, "POST", baseUrls.get(CASE) + "/api/v1/cases/" + caseId + "/consents",
                Logins.token(login), """
                        {"givenBy": "GUARDIAN", "giverName": "Guardian", "purpose": "Access matrix referral",
                         "toAgency": "%s", "data": ["IDENTITY", "LANGUAGE"], "validFrom": "%s", "method": "SIGNED_FORM"}"""
                        .formatted(to, LocalDate.now())).path("id").asText();
    }

    private String refer(String login, String from, String caseId, String to, boolean draft, String tag) {
        String reason = "Reason of the " + tag + " referral " + run;
        String sharing = SHARING.formatted(consentTo(login, caseId, to));
        JsonNode created = Http.expect(201, "POST", baseUrls.get(REFERRAL) + "/api/v1/referrals", Logins.token(login), """
                {"caseId": "%s", "toAgency": "%s", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
                 "reason": "%s", "draft": %s, "sharing": %s}""".formatted(caseId, to, reason, draft, sharing));
        secrets.reason(reason, "reason of the " + tag + " referral",
                List.of(new Secrets.Parties(from, to, created.path("workingGroup").asText(null), draft)));
        return created.path("id").asText();
    }

    private String requestOf(String login, String from, String caseId, List<String> to, String tag) {
        String reason = "Reason of the " + tag + " request " + run;
        // each candidate under its own consent record
        String consentIds = to.stream().map(agency -> "\"" + agency + "\": \"" + consentTo(login, caseId, agency) + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        JsonNode created = Http.expect(201, "POST", baseUrls.get(REFERRAL) + "/api/v1/referral-groups",
                Logins.token(login), """
                        {"caseId": "%s", "toAgencies": ["%s"], "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
                         "reason": "%s", "sharing": {"basis": "CONSENT", "data": ["IDENTITY", "LANGUAGE"]},
                         "consentIds": {%s}}""".formatted(caseId, String.join("\", \"", to), reason, consentIds));
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

    private Map<String, String> hsdsIds(String serviceId, Map<String, String> fallback) {
        JsonNode service = Http.expect(200, "GET", baseUrls.get(REFERRAL) + "/hsds/services/" + serviceId, null, null);
        Map<String, String> ids = new HashMap<>(fallback);
        ids.put("id", serviceId);
        ids.put("organizationId", service.path("organization_id").asText());
        JsonNode atLocation = service.path("service_at_locations").path(0);
        if (!atLocation.isMissingNode()) {
            ids.put("locationId", atLocation.path("location_id").asText());
            ids.put("serviceAtLocationId", atLocation.path("id").asText());
        }
        return ids;
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

    private void put(String agency, Resource resource, String situation, Target target) {
        fixed.get(agency).get(resource).put(situation, target);
    }

    private void put(String agency, Resource resource, String situation, Map<String, String> pathParams) {
        put(agency, resource, situation, new Target(pathParams, Map.of()));
    }

}
