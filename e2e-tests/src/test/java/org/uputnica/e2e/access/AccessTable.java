package org.uputnica.e2e.access;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The expectations: access-matrix.csv, one row per operation (or per query variant of one), saying for each persona
 * in which situations the call is allowed. How to read and extend it is written at the top of the file.
 */
final class AccessTable {

    /** One row: an operation, what its path points at, and where each persona is let through. */
    record Row(int line, String service, String method, String path, Resource resource,
               Map<Persona, Set<String>> allowed, Map<Persona, Map<String, String>> refusedAs, String why) {

        /** The operation as the OpenAPI document names it: service, method and path template without the query. */
        String operation() {
            return ApiOperations.key(service, method, templatePath());
        }

        String templatePath() {
            String p = requestPath();
            int q = p.indexOf('?');
            return q < 0 ? p : p.substring(0, q);
        }

        /** The path called: without the variant's name ({@code #transfer}), with the query. */
        String requestPath() {
            int v = path.indexOf('#');
            return v < 0 ? path : path.substring(0, v);
        }

        /** The body variant ({@code transfer} for {@code ...#transfer}), or null for the operation's plain body. */
        String variant() {
            int v = path.indexOf('#');
            return v < 0 ? null : path.substring(v + 1);
        }

        String label() {
            return service + " " + method + " " + path;
        }

        boolean allows(Persona persona, String situation) {
            return allowed.get(persona).contains(situation);
        }

        /**
         * The problem type slug a call that passes the access check must be refused with ({@code sender=slug} in the
         * table), or null when any answer past the check will do.
         */
        String refusedAs(Persona persona, String situation) {
            return refusedAs.get(persona).get(situation);
        }
    }

    final List<Row> rows;

    private AccessTable(List<Row> rows) {
        this.rows = rows;
    }

    static AccessTable load(String resourcePath) {
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (InputStream in = AccessTable.class.getResourceAsStream(resourcePath);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
            while (it.hasNext()) {
                Map<String, String> cells = it.next();
                int line = it.getCurrentLocation().getLineNr();
                try {
                    rows.add(row(line, cells));
                } catch (IllegalArgumentException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + resourcePath, e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(resourcePath + " has bad rows:\n  " + String.join("\n  ", errors));
        }
        return new AccessTable(rows);
    }

    private static Row row(int line, Map<String, String> cells) {
        Resource resource = Resource.ofCsv(required(cells, "resource"));
        Map<Persona, Set<String>> allowed = new EnumMap<>(Persona.class);
        Map<Persona, Map<String, String>> refusedAs = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            Map<String, String> types = new LinkedHashMap<>();
            allowed.put(persona, situations(required(cells, persona.column), resource, types));
            refusedAs.put(persona, types);
        }
        return new Row(line, required(cells, "service"), required(cells, "method").toUpperCase(Locale.ROOT),
                required(cells, "path"), resource, allowed, refusedAs, cells.getOrDefault("why", ""));
    }

    /**
     * "-": nowhere; "*": in every situation of the resource; else the situations, separated by spaces. A situation
     * may name the problem type (slug) that must refuse the call past the access check: "receiver=transfer-not-forwardable".
     */
    private static Set<String> situations(String rule, Resource resource, Map<String, String> refusedAs) {
        if (rule.equals("-")) {
            return Set.of();
        }
        if (rule.equals("*")) {
            return new LinkedHashSet<>(resource.situations);
        }
        Set<String> named = new LinkedHashSet<>();
        for (String token : rule.split("\\s+")) {
            int eq = token.indexOf('=');
            String s = eq < 0 ? token : token.substring(0, eq);
            if (!resource.situations.contains(s)) {
                throw new IllegalArgumentException("'" + s + "' is not a situation of " + resource.csvName
                        + " (" + String.join(", ", resource.situations) + ")");
            }
            if (eq >= 0) {
                String type = token.substring(eq + 1);
                if (!type.matches("[a-z][a-z-]*")) {
                    throw new IllegalArgumentException("'" + type + "' is not a problem type slug");
                }
                refusedAs.put(s, type);
            }
            named.add(s);
        }
        return named;
    }

    private static String required(Map<String, String> cells, String column) {
        String value = cells.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column '" + column + "' is empty");
        }
        return value;
    }
}
