package org.uputnica.e2e.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.e2e.TheSystem;
import org.uputnica.e2e.access.AccessTable.Row;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The access matrix (issue 6): every operation of the three services' OpenAPI documents, called by every persona
 * (each realm role, a token without an agency, no token) in every situation towards real fixtures (own or another
 * agency's, party to a referral about it or not), against the expectations of access/access-matrix.csv. It fails on
 * an operation the table does not name, a row naming no operation, any call that is allowed where the table denies it
 * or the reverse, a refusal that is not problem+json or carries a fixture's personal data, and any answer that shows
 * a fixture's personal data or referral reason to someone who may not see it.
 */
class AccessMatrixIT {
    static final String TABLE = "/access/access-matrix.csv";
    /** The referral-service's public HSDS API (docs/hsds.md): open to everyone, with or without a token. */
    /** The public directory (docs/hsds.md) and the FHIR CapabilityStatement (docs/fhir.md): open without a token. */
    static boolean isPublic(String path) {
        return path.startsWith("/hsds") || path.equals("/fhir/metadata");
    }
    static final String REQUESTS = "/access/requests.json";

    static Map<String, String> baseUrls;
    static Fixtures fixtures;

    @BeforeAll
    static void startTheSystem() throws Exception {
        TheSystem system = TheSystem.get();
        baseUrls = new LinkedHashMap<>();
        baseUrls.put(Fixtures.CASE, system.caseServiceUrl());
        baseUrls.put(Fixtures.REFERRAL, system.referralServiceUrl());
        baseUrls.put(Fixtures.NOTIFICATION, system.notificationServiceUrl());
    }

    @AfterAll
    static void removeWhatTheRunRegistered() {
        if (fixtures != null) {
            fixtures.cleanUp();
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        Instant start = Instant.now();
        ApiOperations operations = ApiOperations.read(baseUrls);
        AccessTable table = AccessTable.load(TABLE);
        RequestTemplates requests = RequestTemplates.load(REQUESTS);
        List<String> coverage = coverage(operations, table, requests);

        fixtures = Fixtures.build(baseUrls);
        Instant fixturesReady = Instant.now();
        MatrixRun run = new MatrixRun(fixtures, requests, operations);
        Set<String> known = operations.all.stream().map(ApiOperations.Operation::key).collect(Collectors.toSet());
        for (Row row : table.rows) {
            if (known.contains(row.operation())) {
                run.run(row);
            }
        }
        Instant end = Instant.now();

        System.out.println("\nAccess matrix: " + operations.all.size() + " operations (skipped, platform: "
                + operations.skipped + "), " + table.rows.size() + " rows, " + run.calls + " calls; fixture data rightfully shown " + run.rightfullySeen + "; fixtures "
                + seconds(start, fixturesReady) + ", calls " + seconds(fixturesReady, end) + "\n" + MatrixReport.of(run));
        List<String> failures = new ArrayList<>(coverage);
        run.findings.forEach(f -> failures.add(f.toString()));
        for (Secrets.Kind kind : Secrets.Kind.values()) {
            if (run.rightfullySeen.getOrDefault(kind, 0) == 0) {
                failures.add("no answer showed any fixture " + kind + " data even to whom may see it: the leak check "
                        + "looks in the wrong place");
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems in the access matrix:\n  " + String.join("\n  ", failures));
        }
    }

    /** Every operation has a row, every row an operation, every body an operation that needs one. */
    private static List<String> coverage(ApiOperations operations, AccessTable table, RequestTemplates requests) {
        List<String> problems = new ArrayList<>();
        Set<String> rows = table.rows.stream().map(Row::operation).collect(Collectors.toSet());
        Set<String> known = operations.all.stream().map(ApiOperations.Operation::key).collect(Collectors.toSet());
        for (ApiOperations.Operation op : operations.all) {
            if (!rows.contains(op.key())) {
                problems.add("no row in access-matrix.csv for " + op.key());
            }
            if (op.bodyRequired() && !requests.hasBody(op.method(), op.path())) {
                problems.add("no body in requests.json for " + op.method() + " " + op.path());
            }
        }
        for (Row row : table.rows) {
            if (!known.contains(row.operation())) {
                problems.add("access-matrix.csv line " + row.line() + " names no operation (stale): " + row.operation());
            }
        }
        Set<String> templates = operations.all.stream().map(op -> op.method() + " " + op.path()).collect(Collectors.toSet());
        for (Iterator<String> it = requests.keys(); it.hasNext(); ) {
            String key = it.next();
            int variant = key.indexOf('#');
            if (!templates.contains(variant < 0 ? key : key.substring(0, variant))) {
                problems.add("requests.json names no operation (stale): " + key);
            }
        }
        return problems;
    }

    private static String seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 + " s";
    }
}
