package org.uputnica.e2e.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests per category, the status histogram, and the violations with what it takes to replay them. */
final class FuzzReport {
    private final Map<FuzzRequest.Category, Integer> requests = new EnumMap<>(FuzzRequest.Category.class);
    private final Map<FuzzRequest.Category, Map<Integer, Integer>> statuses = new EnumMap<>(FuzzRequest.Category.class);
    private final Map<Integer, Integer> histogram = new TreeMap<>();
    private final Map<String, Integer> problemTypes = new TreeMap<>();
    private final Map<String, Integer> operations = new TreeMap<>();
    /** Operations (service METHOD path-template) that got generated requests, not only probes. */
    private final java.util.Set<String> fuzzed = new java.util.HashSet<>();
    final List<String> violations = new ArrayList<>();
    private int violating;

    synchronized void record(FuzzRequest r, Sender.Answer a, List<String> problems) {
        requests.merge(r.category, 1, Integer::sum);
        statuses.computeIfAbsent(r.category, c -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
        histogram.merge(a.status(), 1, Integer::sum);
        operations.merge(r.service + " " + r.operation, 1, Integer::sum);
        if (r.index >= 0) {
            fuzzed.add(r.service + " " + r.operation);
        }
        String text = a.text();
        int at = text.indexOf("urn:uputnica:problem:");
        if (at >= 0) {
            int end = text.indexOf('"', at);
            problemTypes.merge(text.substring(at + "urn:uputnica:problem:".length(), end < 0 ? text.length() : end), 1, Integer::sum);
        }
        if (!problems.isEmpty()) {
            violating++;
            if (violations.size() < 60) {
                violations.add("#" + r.index + " [" + r.category + "] " + r.service + " " + r.operation + " (" + r.description
                        + (r.user == null ? "" : ", as " + r.user) + ")\n      -> " + a.status() + " " + String.join("; ", problems)
                        + "\n      answer: " + Verdicts.abbreviate(a.text().replace('\n', ' '))
                        + "\n      replay: " + r.replay());
            }
        }
    }

    synchronized int total() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized boolean fuzzed(String operation) {
        return fuzzed.contains(operation);
    }

    synchronized int violating() {
        return violating;
    }

    synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-10s %8s   statuses%n", "category", "requests"));
        requests.forEach((c, n) -> sb.append(String.format("%-10s %8d   %s%n", c, n, statuses.get(c))));
        sb.append(String.format("%-10s %8d   %s%n", "all", total(), histogram));
        sb.append("problem types: ").append(problemTypes).append('\n');
        sb.append("operations fuzzed: ").append(operations.size()).append('\n');
        return sb.toString();
    }

    synchronized String operationsCovered() {
        StringBuilder sb = new StringBuilder();
        operations.forEach((op, n) -> sb.append(String.format("  %6d  %s%n", n, op)));
        return sb.toString();
    }
}
