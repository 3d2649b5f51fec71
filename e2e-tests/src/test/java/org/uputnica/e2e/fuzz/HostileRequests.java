package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.uputnica.e2e.fuzz.ApiDescription.Operation;
import org.uputnica.e2e.fuzz.ApiDescription.Parameter;
import org.uputnica.e2e.fuzz.FuzzRequest.Category;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the operations of the three services into hostile requests, each invalid by construction (see
 * {@link BodyMutations}) so that a correct service rejects every one. Request {@code i} of seed {@code s} is always
 * the same request (apart from the ids of the fixtures, which are made anew each run), so a failure can be replayed
 * with the same seed.
 */
final class HostileRequests {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Users whose tokens reach past authentication; the role probe finds out which of them each operation admits. */
    static final List<String> USERS = List.of("ana.csr", "milica.supervisor", "jelena.coordinator", "nina.admin",
            "marko.rod", "petar.ministry", Users.INTEGRATOR);

    /**
     * Operations that answer any agency by design, so a foreign token there is no attack: the case-service tells any
     * caller which agency owns a case (ids only, no personal data), because the referral-service asks it with the
     * caller's own token before a referral is sent.
     */
    static final Map<String, String> OPEN_TO_EVERY_AGENCY = Map.of(
            "GET /api/v1/cases/{id}/ownership", "ids only; the referral-service asks it with the referring caller's token");

    /**
     * Operations where a signed-in user needs no agency, by design: "Anyone signed in may read protocols: they are
     * the rules every agency works by" (ProtocolResource). A token without an agency is no attack there.
     */
    static final Map<String, String> OPEN_TO_EVERY_SIGNED_IN_USER = Map.of(
            "GET /api/v1/protocols", "protocols are the rules every agency works by",
            "GET /api/v1/protocols/{code}", "protocols are the rules every agency works by",
            "GET /api/v1/protocols/{code}/versions", "protocols are the rules every agency works by",
            "GET /api/v1/protocols/{code}/versions/{version}", "protocols are the rules every agency works by");

    /**
     * The referral-service's public HSDS API (docs/hsds.md) and FHIR CapabilityStatement (docs/fhir.md): no token
     * needed, and one sent is not looked at.
     */
    static boolean isPublic(Operation op) {
        return op.path.equals("/hsds") || op.path.startsWith("/hsds/") || op.path.equals("/fhir/metadata");
    }

    /**
     * Operations that answer whatever the Accept header asks for (RFC 9110 lets a server disregard it): a bare POST to
     * accept is served by a second method for any media type, so a wrong Accept is no error there.
     */
    static final Map<String, String> DISREGARDS_ACCEPT = Map.of(
            "POST /api/v1/referrals/{id}/accept", "the bare-POST variant (acceptWithoutNote) takes any request to the path");

    private static final Map<Category, Integer> WEIGHTS = new EnumMap<>(Map.of(
            Category.TOKEN, 14, Category.BODY, 24, Category.UNICODE, 16, Category.MALFORMED, 8, Category.QUERY, 8,
            Category.PATH, 10, Category.FOREIGN, 10, Category.HEADER, 6, Category.METHOD, 4));

    private final List<Operation> operations;
    private final BadTokens tokens;
    private final Fixtures fixtures;
    private final Function<String, String> bearer;
    /** Per operation, the users its role check admits (learnt by the probe). */
    private final Map<Operation, List<String>> admitted = new LinkedHashMap<>();
    private final Map<Category, List<Operation>> applicable = new EnumMap<>(Category.class);

    HostileRequests(List<ApiDescription> apis, BadTokens tokens, Fixtures fixtures, Function<String, String> bearer) {
        this.operations = apis.stream().flatMap(a -> a.operations.stream()).toList();
        this.tokens = tokens;
        this.fixtures = fixtures;
        this.bearer = bearer;
    }

    List<Operation> operations() {
        return operations;
    }

    // ---------------------------------------------------------------- the role probe

    /** A request per operation and user that is invalid for a user the role check admits, and 403 for any other. */
    List<FuzzRequest> probes() {
        List<FuzzRequest> probes = new ArrayList<>();
        Random random = new Random(1);
        for (Operation op : operations) {
            for (String user : USERS) {
                FuzzRequest probe = probe(op, user, random);
                if (probe != null) {
                    probes.add(probe);
                }
            }
        }
        return probes;
    }

    private FuzzRequest probe(Operation op, String user, Random random) {
        Map<String, String> path = plausiblePath(op, random, true);
        if (op.hasJsonBody()) {
            return request(-1, Category.PROBE, op, op.method, path, Map.of(), "role probe: body []", user)
                    .header("Content-Type", "application/json").body("[]").expect(400, 403, 404);
        }
        for (Parameter q : op.in("query")) {
            String bad = invalidQueryValue(op, q, random);
            if (bad != null) {
                return request(-1, Category.PROBE, op, op.method, path, Map.of(q.name(), bad),
                        "role probe: query " + q.name(), user).expect(400, 403);
            }
        }
        if (!op.in("path").isEmpty()) {
            return request(-1, Category.PROBE, op, op.method, path, Map.of(), "role probe: no such id", user).expect(403, 404);
        }
        return null; // nothing invalid to send without a body or parameters: only tokens, methods and Accept apply
    }

    void learn(FuzzRequest probe, Sender.Answer answer, String user) {
        Operation op = operations.stream().filter(o -> o.toString().equals(probe.operation)
                && o.api.service.equals(probe.service)).findFirst().orElseThrow();
        List<String> users = admitted.computeIfAbsent(op, k -> new ArrayList<>());
        boolean refused = answer.status() == 403 && answer.text().contains("urn:uputnica:problem:forbidden");
        if (!refused && answer.status() >= 400 && answer.status() < 500) {
            users.add(user);
        }
    }

    /** Called once the probe has run: which categories apply to which operations. */
    void prepare() {
        for (Category c : WEIGHTS.keySet()) {
            applicable.put(c, operations.stream().filter(op -> applies(c, op)).toList());
        }
    }

    Map<Operation, List<String>> admitted() {
        return admitted;
    }

    private boolean applies(Category c, Operation op) {
        boolean reachable = !admitted.getOrDefault(op, List.of()).isEmpty();
        return switch (c) {
            case TOKEN -> !isPublic(op); // a public operation does not look at tokens: any answers as none does
            case BODY -> op.hasJsonBody() && reachable;
            case UNICODE -> op.hasJsonBody() && reachable || !op.in("path").isEmpty()
                    || op.in("query").stream().anyMatch(q -> !Schemas.enumValues(op.api.resolve(q.schema())).isEmpty()) && reachable;
            case MALFORMED -> op.body != null && op.body.jsonOnly() && reachable; // a raw upload (documents) takes any bytes
            case QUERY -> reachable && op.in("query").stream().anyMatch(q -> invalidQueryValue(op, q, new Random(0)) != null);
            case PATH -> !op.in("path").isEmpty();
            case FOREIGN -> !OPEN_TO_EVERY_AGENCY.containsKey(op.toString())
                    && (op.in("path").stream().anyMatch(p -> isUuid(op, p)) || op.hasJsonBody() && hasUuidField(op));
            case HEADER -> op.body != null && op.body.jsonOnly() || negotiatesAccept(op);
            case METHOD -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- generation

    FuzzRequest generate(int index, long seed) {
        Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
        Category category = pickCategory(random);
        List<Operation> ops = applicable.get(category);
        Operation op = ops.get(random.nextInt(ops.size()));
        return switch (category) {
            case TOKEN -> token(index, op, random);
            case BODY -> body(index, op, random, false);
            case UNICODE -> unicode(index, op, random);
            case MALFORMED -> malformed(index, op, random);
            case QUERY -> query(index, op, random);
            case PATH -> path(index, op, random);
            case FOREIGN -> foreign(index, op, random);
            case HEADER -> header(index, op, random);
            case METHOD -> method(index, op, random);
            default -> throw new IllegalStateException(category.name());
        };
    }

    private Category pickCategory(Random random) {
        int total = WEIGHTS.entrySet().stream().filter(e -> !applicable.get(e.getKey()).isEmpty())
                .mapToInt(Map.Entry::getValue).sum();
        int n = random.nextInt(total);
        for (Map.Entry<Category, Integer> e : WEIGHTS.entrySet()) {
            if (applicable.get(e.getKey()).isEmpty()) {
                continue;
            }
            n -= e.getValue();
            if (n < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    private FuzzRequest token(int index, Operation op, Random random) {
        boolean noAgency = random.nextInt(12) == 0 && !OPEN_TO_EVERY_SIGNED_IN_USER.containsKey(op.toString());
        List<String> labels = new ArrayList<>(tokens.unauthenticated.keySet());
        String label = noAgency ? "real token of a user without an agency" : labels.get(random.nextInt(labels.size()));
        FuzzRequest r = request(index, Category.TOKEN, op, op.method, plausiblePath(op, random, false), Map.of(),
                "token: " + label, null);
        withBaseBody(r, op, random);
        String authorization = noAgency ? tokens.noAgency() : tokens.unauthenticated.get(label);
        r.header("Authorization", authorization);
        if (noAgency && op.in("path").isEmpty()) {
            // the role check comes first: a caseworker without an agency is "forbidden" where caseworkers are not admitted
            r.expect(403);
            r.expectedTypes = Set.of("urn:uputnica:problem:no-agency", "urn:uputnica:problem:forbidden");
        } else if (noAgency) {
            // the id names nothing, and some services look it up before they ask who the caller is
            r.expect(403, 404);
            r.expectedTypes = Set.of("urn:uputnica:problem:no-agency", "urn:uputnica:problem:forbidden",
                    "urn:uputnica:problem:not-found");
        } else {
            r.expect(401);
            r.expectedTypes = Set.of("urn:uputnica:problem:unauthenticated");
        }
        return r;
    }

    private FuzzRequest body(int index, Operation op, Random random, boolean unicode) {
        JsonNode body = baseBody(op, random);
        BodyMutations.complete(op.api, body, op.body.schema());
        List<BodyMutations.Slot> slots = BodyMutations.slots(op.api, body, op.body.schema());
        String what = null;
        String mutated = null;
        for (int attempt = 0; attempt < 20 && what == null && !slots.isEmpty(); attempt++) {
            BodyMutations.Slot slot = slots.get(random.nextInt(slots.size()));
            what = unicode ? BodyMutations.unicode(slot, random) : BodyMutations.hard(slot, random);
            mutated = slot.path();
        }
        if (what == null) { // no field to break: break the body as a whole
            return malformed(index, op, random);
        }
        decorate(body, op, mutated, random, unicode ? 3 : 1);
        FuzzRequest r = request(index, unicode ? Category.UNICODE : Category.BODY, op, op.method,
                plausiblePath(op, random, true), Map.of(), (unicode ? "unicode: " : "body: ") + what, admittedUser(op, random));
        r.header("Content-Type", "application/json").body(serialize(body));
        return r.expect(400);
    }

    /** Hostile but acceptable text in a few other fields (never the broken one), and sometimes unknown fields. */
    private void decorate(JsonNode body, Operation op, String mutated, Random random, int times) {
        List<BodyMutations.Slot> others = BodyMutations.slots(op.api, body, op.body.schema()).stream()
                .filter(s -> !s.path().equals(mutated) && !mutated.startsWith(s.path() + ".") && !mutated.startsWith(s.path() + "["))
                .toList();
        for (int i = 0; i < times && !others.isEmpty(); i++) {
            BodyMutations.decorate(others.get(random.nextInt(others.size())), random);
        }
        if (random.nextInt(3) == 0) {
            BodyMutations.addUnknownFields(body, random);
        }
    }

    /** Unicode where it cannot be valid, in one of the places the operation has: its body, an enum query, its path. */
    private FuzzRequest unicode(int index, Operation op, Random random) {
        boolean reachable = !admitted.getOrDefault(op, List.of()).isEmpty();
        List<Parameter> enumQueries = op.in("query").stream()
                .filter(q -> !Schemas.enumValues(op.api.resolve(q.schema())).isEmpty()).toList();
        List<String> places = new ArrayList<>();
        if (op.hasJsonBody() && reachable) {
            places.add("body");
        }
        if (!enumQueries.isEmpty() && reachable) {
            places.add("query");
        }
        if (!op.in("path").isEmpty()) {
            places.add("path");
        }
        switch (HostileText.pick(places, random)) {
            case "body" -> {
                return body(index, op, random, true);
            }
            case "query" -> {
                Parameter q = enumQueries.get(random.nextInt(enumQueries.size()));
                List<String> values = Schemas.enumValues(op.api.resolve(q.schema()));
                String bad = BodyMutations.invalidEnumValue(values, random,
                        concat(HostileText.lookAlikes(HostileText.pick(values, random)), HostileText.NEVER_VALID));
                FuzzRequest r = request(index, Category.UNICODE, op, op.method, plausiblePath(op, random, true),
                        Map.of(q.name(), bad), "unicode: query " + q.name() + "=" + abbreviate(bad), admittedUser(op, random));
                withBaseBody(r, op, random);
                r.expectedField = q.name();
                return r.expect(400);
            }
            default -> {
                return path(index, op, random, true);
            }
        }
    }

    private FuzzRequest malformed(int index, Operation op, Random random) {
        List<String> variants = new ArrayList<>(List.of("{", "}", "[", "{\"a\":}", "{'a': 1}", "{a: 1}", "/* comment */ {}",
                "{\"a\": 1,}", "NaN", "\"unterminated", "tru", "[]", "\"a string\"", "42", "true", "[{}]", "{\"a\" 1}",
                "{\"a\":\"\u0001\"}", "\uFEFF{", "{}}", "{\"a\":1}{\"b\":2}x", "0x1F", "-", "[".repeat(100_000),
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "[" + "1,".repeat(200_000) + "1]"));
        if (op.body.required()) {
            variants.add("");
            variants.add("null");
        }
        byte[][] notUtf8 = {
                {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}, // bytes UTF-8 never has
                {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // an overlong "/"
                {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
                {'{', '"', 'a', '"', ':', '"', 0, '"', '}'}, // a raw NUL inside a string
                {(byte) 0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3}}; // gzip, announced as JSON
        int choice = random.nextInt(variants.size() + notUtf8.length);
        FuzzRequest r = request(index, Category.MALFORMED, op, op.method, plausiblePath(op, random, true), Map.of(),
                "", admittedUser(op, random));
        r.header("Content-Type", "application/json");
        String description;
        if (choice < variants.size()) {
            String text = variants.get(choice);
            r.body(text);
            description = "malformed: " + (text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " chars)" : text);
        } else {
            r.body = notUtf8[choice - variants.size()];
            description = "malformed: bytes " + java.util.HexFormat.of().formatHex(r.body);
        }
        return describe(r, description).expect(400);
    }

    private FuzzRequest query(int index, Operation op, Random random) {
        List<Parameter> constrained = op.in("query").stream()
                .filter(q -> invalidQueryValue(op, q, new Random(0)) != null).toList();
        Parameter q = constrained.get(random.nextInt(constrained.size()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put(q.name(), invalidQueryValue(op, q, random));
        for (Parameter other : op.in("query")) {
            if (!other.name().equals(q.name()) && Schemas.type(op.api.resolve(other.schema())).equals("string")
                    && Schemas.enumValues(op.api.resolve(other.schema())).isEmpty() && random.nextInt(3) == 0) {
                query.put(other.name(), HostileText.pick(HostileText.PLAUSIBLE, random)); // hostile, not invalid
            }
        }
        if (random.nextInt(4) == 0) {
            query.put(HostileText.pick(List.of("пага", "__proto__", "page[]", "a b", "'"), random), "1");
        }
        FuzzRequest r = request(index, Category.QUERY, op, op.method, plausiblePath(op, random, true), query,
                "query: " + q.name() + "=" + abbreviate(query.get(q.name())), admittedUser(op, random));
        withBaseBody(r, op, random);
        r.expectedField = q.name();
        return r.expect(400);
    }

    private FuzzRequest path(int index, Operation op, Random random) {
        return path(index, op, random, false);
    }

    private FuzzRequest path(int index, Operation op, Random random, boolean unicodeOnly) {
        List<Parameter> params = op.in("path");
        Parameter p = params.get(random.nextInt(params.size()));
        Map<String, String> path = plausiblePath(op, random, true);
        String value;
        Set<Integer> expected;
        if (isUuid(op, p)) {
            if (!unicodeOnly && random.nextInt(5) == 0) {
                value = new UUID(random.nextLong(), random.nextLong()).toString();
                expected = Set.of(403, 404);
            } else {
                value = HostileText.pick(unicodeOnly ? concat(HostileText.PLAUSIBLE, HostileText.NEVER_VALID) : List.of(
                        "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "{id}", "null", "-1", "0", "7b0f3c2e8a7e4a559d1e2f0c8b7f9d1",
                        "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10 ", "%", "a/b", "a;b=c", "Ђ", "a\u0000b", "x".repeat(1500),
                        "' OR '1'='1", "../../q/health"), random);
                expected = Set.of(404);
            }
        } else {
            // a name some resource could have ("null", "1e309" are fine protocol codes) would make a create valid
            List<String> names = (unicodeOnly ? concat(HostileText.PLAUSIBLE, HostileText.NEVER_VALID)
                    : concat(HostileText.PLAUSIBLE, List.of("x".repeat(1500), "a/b", "%", "ЦИРИЛИЦА-група", "a\u0000b", " ")))
                    .stream().filter(HostileRequests::cannotBeAName).toList();
            value = HostileText.pick(names, random);
            expected = Set.of(400, 403, 404);
        }
        path.put(p.name(), value);
        FuzzRequest r = request(index, unicodeOnly ? Category.UNICODE : Category.PATH, op, op.method, path, Map.of(),
                (unicodeOnly ? "unicode: path " : "path: ") + p.name() + "=" + abbreviate(value), admittedUser(op, random));
        withBaseBody(r, op, random);
        r.expectedStatuses = expected;
        return r;
    }

    private FuzzRequest foreign(int index, Operation op, Random random) {
        String user = HostileText.pick(concat(Fixtures.FOREIGN_USERS, List.of(Users.INTEGRATOR)), random);
        Map<String, String> path = plausiblePath(op, random, false);
        List<String> changed = new ArrayList<>();
        for (Parameter p : op.in("path")) {
            if (isUuid(op, p)) {
                String id = HostileText.pick(fixtures.ids(), random);
                path.put(p.name(), id);
                changed.add(p.name() + "=" + id);
            }
        }
        FuzzRequest r = request(index, Category.FOREIGN, op, op.method, path, Map.of(), "", user);
        if (op.hasJsonBody()) {
            JsonNode body = baseBody(op, random);
            if (changed.isEmpty() || random.nextBoolean()) {
                for (BodyMutations.Slot slot : BodyMutations.slots(op.api, body, op.body.schema())) {
                    if (Schemas.format(slot.schema()).equals("uuid")) {
                        slot.set(Schemas.NODES.textNode(fixtures.caseId));
                        changed.add(slot.path() + "=the fixture case");
                    }
                }
            }
            r.header("Content-Type", "application/json").body(serialize(body));
        } else if (op.body != null) {
            r.header("Content-Type", "application/json");
        }
        r.mustNotLeak = fixtures.secrets();
        describe(r, "foreign: " + user + " with " + String.join(", ", changed));
        // an id in the path is refused as such; one in a body may meet another check of that body first (400)
        return changed.stream().anyMatch(c -> c.endsWith("=the fixture case")) ? r.expect(400, 403, 404) : r.expect(403, 404);
    }

    private FuzzRequest header(int index, Operation op, Random random) {
        boolean contentType = op.body != null && op.body.jsonOnly() && (!negotiatesAccept(op) || random.nextBoolean());
        FuzzRequest r = request(index, Category.HEADER, op, op.method, plausiblePath(op, random, false), Map.of(), "",
                admittedUser(op, random));
        if (contentType) {
            String type = HostileText.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "text/json", "application/json-patch+json", "application/octet-stream",
                    "image/png", "application/jsonp", "application/vnd.uputnica+json"), random);
            r.header("Content-Type", type).body(serialize(baseBody(op, random)));
            return describe(r, "header: Content-Type " + type).expect(415);
        }
        List<String> accepts = new ArrayList<>(List.of("application/xml", "text/html", "image/png", "application/octet-stream",
                "text/plain", "application/problem+json"));
        if (op.produces.stream().noneMatch(m -> m.startsWith("text/csv"))) {
            accepts.add("text/csv");
        } else if (op.produces.stream().noneMatch(m -> m.startsWith("application/json"))) {
            accepts.add("application/json");
        }
        String accept = HostileText.pick(accepts, random);
        r.header("Accept", accept);
        withBaseBody(r, op, random);
        return describe(r, "header: Accept " + accept).expect(406);
    }

    private FuzzRequest method(int index, Operation op, Random random) {
        Map<String, String> path = plausiblePath(op, random, false);
        String concrete = op.path;
        for (Map.Entry<String, String> e : path.entrySet()) {
            concrete = concrete.replace("{" + e.getKey() + "}", e.getValue());
        }
        // a method no template of the service has for this concrete path (DELETE /webhooks/dead-letters is DELETE
        // /webhooks/{id} with a bad id, not a missing method)
        String target = concrete;
        List<String> missing = List.of("GET", "POST", "PUT", "DELETE", "PATCH").stream()
                .filter(m -> op.api.methodsByPath.entrySet().stream()
                        .noneMatch(t -> t.getValue().contains(m) && templateMatches(t.getKey(), target)))
                .toList();
        if (missing.isEmpty()) {
            return token(index, op, random);
        }
        String method = missing.get(random.nextInt(missing.size()));
        FuzzRequest r = request(index, Category.METHOD, op, method, path, Map.of(),
                "method: " + method + " on " + op.path, HostileText.pick(USERS, random));
        if (!method.equals("GET") && !method.equals("DELETE")) {
            r.header("Content-Type", "application/json").body(op.hasJsonBody() ? serialize(baseBody(op, random)) : "{}");
        }
        // RESTEasy Reactive answers 404 instead of 405 when the path belongs to a resource class whose own @Path has
        // a template (ReferralDeadlineResource, GroupStatisticsResource): still a problem, so both are accepted
        return r.expect(404, 405);
    }

    // ---------------------------------------------------------------- building blocks

    private FuzzRequest request(int index, Category category, Operation op, String method, Map<String, String> pathValues,
                                Map<String, String> query, String description, String user) {
        String target = op.path;
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", HostileText.urlEncode(e.getValue()));
        }
        if (!query.isEmpty()) {
            target += "?" + query.entrySet().stream()
                    .map(e -> HostileText.urlEncode(e.getKey()) + "=" + HostileText.urlEncode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
        FuzzRequest r = new FuzzRequest(index, category, op, method, target, description);
        if (user != null) {
            r.header("Authorization", bearer.apply(user));
            r.user = user;
        }
        return r;
    }

    private static FuzzRequest describe(FuzzRequest r, String description) {
        r.description = description;
        return r;
    }

    /** Path values that exist in form: a random UUID, or the parameter's example, or a name nothing has. */
    private Map<String, String> plausiblePath(Operation op, Random random, boolean nonExistent) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            if (isUuid(op, p)) {
                values.put(p.name(), new UUID(random.nextLong(), random.nextLong()).toString());
            } else if (!nonExistent && p.example() != null && !p.example().isMissingNode()) {
                values.put(p.name(), p.example().asText());
            } else if (Schemas.type(op.api.resolve(p.schema())).equals("integer") || p.name().equals("version")) {
                values.put(p.name(), "1");
            } else {
                values.put(p.name(), "zz-fuzz-none");
            }
        }
        return values;
    }

    private void withBaseBody(FuzzRequest r, Operation op, Random random) {
        if (op.hasJsonBody()) {
            r.header("Content-Type", "application/json").body(serialize(baseBody(op, random)));
        }
    }

    private JsonNode baseBody(Operation op, Random random) {
        JsonNode example = op.body.example();
        return example != null && !example.isNull() ? example.deepCopy() : Schemas.sample(op.api, op.body.schema(), random, 0);
    }

    /** A value of the query parameter that its schema excludes, or null when the schema allows any text. */
    private static String invalidQueryValue(Operation op, Parameter q, Random random) {
        JsonNode schema = op.api.resolve(q.schema());
        List<String> values = Schemas.enumValues(schema);
        if (!values.isEmpty()) {
            return BodyMutations.invalidEnumValue(values, random);
        }
        return switch (Schemas.type(schema)) {
            case "integer" -> {
                List<String> bad = new ArrayList<>(List.of("abc", "1.5", "1e3", "0x1F", "99999999999999999999", "-", "+-1", "ЖЖ"));
                if (schema.has("minimum")) {
                    bad.add(Long.toString(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    bad.add(Long.toString(schema.get("maximum").asLong() + 1));
                }
                yield HostileText.pick(bad, random);
            }
            case "boolean" -> HostileText.pick(List.of("maybe", "truee", "2", "ИСТИНА"), random);
            case "string" -> Schemas.format(schema).equals("uuid")
                    ? HostileText.pick(List.of("not-a-uuid", "123", "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9dа0"), random) : null;
            default -> null;
        };
    }

    private static boolean negotiatesAccept(Operation op) {
        // an operation that produces */* (a document's own media type) takes any Accept
        return !op.produces.isEmpty() && !op.produces.contains("*/*") && !DISREGARDS_ACCEPT.containsKey(op.toString());
    }

    private static boolean templateMatches(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!(t[i].startsWith("{") && t[i].endsWith("}")) && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** Holds a character outside lower-case letters, digits and hyphens, or a dot segment; or is too long for a name. */
    static boolean cannotBeAName(String value) {
        if (value.equals(".") || value.equals("..") || value.isEmpty()) {
            return false; // dot segments are resolved away by the server and would reach another resource
        }
        return value.length() > 100 || value.chars().anyMatch(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'));
    }

    private static boolean isUuid(Operation op, Parameter p) {
        return Schemas.format(op.api.resolve(p.schema())).equals("uuid");
    }

    private static boolean hasUuidField(Operation op) {
        JsonNode body = op.body.example() != null ? op.body.example().deepCopy() : Schemas.sample(op.api, op.body.schema(), new Random(0), 0);
        return BodyMutations.slots(op.api, body, op.body.schema()).stream()
                .anyMatch(s -> Schemas.format(s.schema()).equals("uuid"));
    }

    private String admittedUser(Operation op, Random random) {
        List<String> users = admitted.getOrDefault(op, List.of());
        return users.isEmpty() ? HostileText.pick(USERS, random) : users.get(random.nextInt(users.size()));
    }

    static String serialize(JsonNode body) {
        try {
            return HostileText.toJsonEscapes(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Demo users, and the integrator's service account under a name of its own. */
    static final class Users {
        static final String INTEGRATOR = "minrzs-integration (client credentials)";

        private Users() {
        }
    }
}
