package org.uputnica.e2e.access;

import org.uputnica.e2e.access.AccessTable.Row;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Calls every row of the table as every persona in every situation of its resource, and records what answered. */
final class MatrixRun {

    /** What one persona got from one row: counts per verdict, and the situations without a fixture. */
    static final class Cell {
        int allowed;
        int denied;
        int notApplicable;
        int mismatches;
    }

    record Finding(Row row, Persona persona, String situation, int status, String problem) {
        @Override
        public String toString() {
            return row.label() + "  as " + persona.column + " (" + situation + "): " + status + " — " + problem
                    + "  [access-matrix.csv line " + row.line() + "]";
        }
    }

    private final Fixtures fixtures;
    private final RequestTemplates requests;
    private final ApiOperations operations;
    final Map<Row, Map<Persona, Cell>> cells = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();
    /** How often someone who may see a kind of secret got it: the leak check's evidence that it can see data. */
    final Map<Secrets.Kind, Integer> rightfullySeen = new EnumMap<>(Secrets.Kind.class);
    int calls;

    MatrixRun(Fixtures fixtures, RequestTemplates requests, ApiOperations operations) {
        this.fixtures = fixtures;
        this.requests = requests;
        this.operations = operations;
    }

    void run(Row row) {
        Map<Persona, Cell> byPersona = cells.computeIfAbsent(row, r -> new EnumMap<>(Persona.class));
        Map<Persona, Map<String, Optional<Fixtures.Target>>> targets = fixtures.targets(row.resource());
        for (Persona persona : Persona.values()) {
            Cell cell = byPersona.computeIfAbsent(persona, p -> new Cell());
            for (String situation : row.resource().situations) {
                Optional<Fixtures.Target> target = targets.get(persona).get(situation);
                if (target.isEmpty()) {
                    cell.notApplicable++;
                    continue;
                }
                call(row, persona, situation, target.get(), cell);
            }
        }
    }

    private void call(Row row, Persona persona, String situation, Fixtures.Target target, Cell cell) {
        Map<String, String> values = new HashMap<>(target.values());
        values.put("unique", fixtures.unique());
        values.put("myAgency", persona.fixtureAgency());
        RequestTemplates.Request request = requests.request(row.method(), row.templatePath(), row.variant(), values);
        String url = fixtures.baseUrls.get(row.service()) + path(row.requestPath(), target.pathParams());
        Http.Reply reply = Http.send(row.method(), url, persona.token(), request.body(), request.headers());
        calls++;
        String sent = url + " " + (request.body() == null ? "" : request.body());

        Verdict verdict = Verdict.of(reply.status());
        boolean expected = row.allows(persona, situation);
        String refusedAs = expected ? row.refusedAs(persona, situation) : null;
        List<String> problems = new ArrayList<>();
        if (verdict == Verdict.ERROR) {
            problems.add("neither allowed nor denied: " + abbreviate(reply.body()));
        } else if (expected && verdict == Verdict.DENIED) {
            problems.add("expected allowed, was denied: " + abbreviate(reply.body()));
        } else if (!expected && verdict == Verdict.REFUSED_PAST_CHECK) {
            problems.add("expected denied, was " + reply.status() + " " + problemType(reply) + ": a check of the "
                    + "input or of the state answered before the access check (a caller without the right to act "
                    + "must get 401, 403 or 404 first)");
        } else if (!expected && verdict == Verdict.ALLOWED) {
            problems.add("expected denied, was allowed");
        }
        if (refusedAs != null && verdict != Verdict.DENIED
                && !(reply.isProblem() && problemType(reply).equals(PROBLEM + refusedAs))) {
            problems.add("expected the refusal " + refusedAs + " past the access check, was " + reply.status() + " "
                    + problemType(reply));
        }
        if (verdict == Verdict.DENIED) {
            cell.denied++;
            if (!reply.isProblem()) {
                problems.add("a refusal must be application/problem+json (an OperationOutcome under /fhir), was "
                        + reply.contentType());
            }
            List<String> carried = fixtures.secrets.anyIn(reply.body(), sent);
            if (!carried.isEmpty()) {
                problems.add("the refusal carries " + carried);
            }
            if (persona == Persona.ANONYMOUS && reply.status() != 401) {
                problems.add("a call without a token must be 401");
            }
            if (persona == Persona.TWO_AGENCIES && !(reply.status() == 403 && reply.isProblem()
                    && Set.of(PROBLEM + "no-agency", PROBLEM + "forbidden").contains(problemType(reply)))) {
                problems.add("a token naming two agencies must be refused with 403 no-agency (or forbidden, by role), was "
                        + reply.status() + " " + problemType(reply));
            }
        } else if (verdict != Verdict.ERROR) {
            cell.allowed++;
        }
        fixtures.secrets.rightfullySeenBy(persona, reply.body()).forEach(k -> rightfullySeen.merge(k, 1, Integer::sum));
        List<String> leaked = fixtures.secrets.leakedTo(persona, reply.body(), sent);
        if (!leaked.isEmpty()) {
            problems.add("leaks " + leaked);
        }
        if (!problems.isEmpty()) {
            cell.mismatches++;
            problems.forEach(p -> findings.add(new Finding(row, persona, situation, reply.status(), p)));
        }
        if (reply.status() == 201 && reply.location() != null) {
            removeLater(row.service(), reply.location(), persona);
        }
    }

    /** What an allowed POST made (a webhook, a mailbox) goes again at the end, if the API can remove it. */
    private void removeLater(String service, String location, Persona persona) {
        String path = URI.create(location).getPath();
        boolean removable = operations.all.stream().anyMatch(op -> op.matches(service, "DELETE", path));
        if (removable) {
            fixtures.deleteLater(fixtures.baseUrls.get(service) + path, persona.login);
        }
    }

    private static String path(String template, Map<String, String> params) {
        String path = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        int open = path.indexOf('{');
        if (open >= 0) {
            throw new IllegalStateException("no fixture value for " + path.substring(open) + " in " + template);
        }
        return path;
    }

    private static final String PROBLEM = "urn:uputnica:problem:";

    /** The problem type of a problem+json answer (or an OperationOutcome under /fhir), else "-". */
    private static String problemType(Http.Reply reply) {
        return reply.problemType();
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
