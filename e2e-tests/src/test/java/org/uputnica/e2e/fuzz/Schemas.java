package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reading the JSON Schema keywords of a resolved schema, and plausible values that satisfy it. */
final class Schemas {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    /** The schema's type; in OpenAPI 3.1 it may be a list such as ["string", "null"]: the first that is not null. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return ""; // free-form: nothing can be said about it
    }

    static String format(JsonNode schema) {
        return schema.path("format").asText("");
    }

    static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    static Integer maxLength(JsonNode schema) {
        return schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
    }

    static boolean mustNotBeBlank(JsonNode schema) {
        return schema.path("minLength").asInt(0) > 0 || schema.path("pattern").asText("").equals("\\S");
    }

    /** Named properties of an object schema, in declaration order. */
    static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(list::add);
        return list;
    }

    /**
     * A value the schema accepts: its example if it has one, else the first enum value, a value inside the bounds,
     * or an object with every property. Plausible, not guaranteed valid for the service (which may check more).
     */
    static JsonNode sample(ApiDescription api, JsonNode rawSchema, Random random, int depth) {
        JsonNode schema = api.resolve(rawSchema);
        JsonNode example = schema.has("example") ? schema.get("example")
                : schema.path("examples").isArray() && schema.path("examples").size() > 0 ? schema.path("examples").get(0) : null;
        if (example != null) {
            return example.deepCopy();
        }
        if (schema.has("default")) {
            return schema.get("default").deepCopy();
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                for (Map.Entry<String, JsonNode> p : properties(schema)) {
                    object.set(p.getKey(), sample(api, p.getValue(), random, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                List<String> items = enumValues(api.resolve(schema.path("items")));
                for (int i = 0; i < n; i++) {
                    array.add(items.size() > i ? NODES.textNode(items.get(i)) : sample(api, schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 10;
                return NODES.numberNode(Math.min(max, min + 1));
            }
            case "number" -> {
                double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
                double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 10;
                return NODES.numberNode((min + max) / 2);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "string" -> {
                List<String> values = enumValues(schema);
                if (!values.isEmpty()) {
                    return NODES.textNode(values.get(0));
                }
                return NODES.textNode(switch (format(schema)) {
                    case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
                    case "date" -> "2011-03-14";
                    case "date-time" -> "2026-11-23T10:15:30Z";
                    case "email" -> "fuzz@example.org";
                    case "uri", "url" -> "https://example.org/hook";
                    default -> "Uputnica fuzz";
                });
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    /** Iterates the fields of an object node as a list (safe to modify the node while looping over it). */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
