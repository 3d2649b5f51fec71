package org.uputnica.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.uputnica.e2e.fuzz.Schemas.NODES;

/**
 * Changes to a JSON body, driven by its schema. A <em>hard</em> mutation makes the body invalid whatever the rest
 * of it holds, so that no fuzz request can ever be a valid create: a value of a type the field cannot take, a
 * required field missing or null, a value outside its bounds, length, enum or format, too few or too many items,
 * text with a NUL or half a surrogate pair. <em>Decorations</em> (unknown fields, hostile but acceptable text in
 * other fields) ride along with a hard mutation and never stand alone.
 */
final class BodyMutations {
    private BodyMutations() {
    }

    /** A place in the body: a field of an object or an item of an array, with its schema. */
    record Slot(String path, JsonNode container, String field, int index, JsonNode schema, boolean required) {
        void set(JsonNode value) {
            if (container instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            ((ObjectNode) container).remove(field);
        }

        boolean inObject() {
            return container instanceof ObjectNode;
        }
    }

    /** Adds every property the schema names and the body lacks (with a sample value), at every depth. */
    static void complete(ApiDescription api, JsonNode body, JsonNode schema) {
        complete(api, body, api.resolve(schema), 0);
    }

    private static void complete(ApiDescription api, JsonNode value, JsonNode schema, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof ObjectNode object && Schemas.type(schema).equals("object")) {
            for (Map.Entry<String, JsonNode> p : Schemas.properties(schema)) {
                JsonNode propertySchema = api.resolve(p.getValue());
                if (!object.has(p.getKey())) {
                    object.set(p.getKey(), Schemas.sample(api, propertySchema, new Random(p.getKey().hashCode()), depth + 1));
                }
                complete(api, object.get(p.getKey()), propertySchema, depth + 1);
            }
        } else if (value instanceof ArrayNode array && Schemas.type(schema).equals("array") && !array.isEmpty()) {
            complete(api, array.get(0), api.resolve(schema.path("items")), depth + 1);
        }
    }

    /** Every field present in the body (and the first item of every array) that the schema describes. */
    static List<Slot> slots(ApiDescription api, JsonNode body, JsonNode schema) {
        List<Slot> slots = new ArrayList<>();
        collect(api, body, api.resolve(schema), "", slots, 0);
        return slots;
    }

    private static void collect(ApiDescription api, JsonNode value, JsonNode schema, String path, List<Slot> slots, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof ObjectNode object && Schemas.type(schema).equals("object")) {
            var required = Schemas.required(schema);
            for (Map.Entry<String, JsonNode> p : Schemas.properties(schema)) {
                JsonNode propertySchema = api.resolve(p.getValue());
                String childPath = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
                if (!object.has(p.getKey())) {
                    continue;
                }
                slots.add(new Slot(childPath, object, p.getKey(), -1, propertySchema, required.contains(p.getKey())));
                collect(api, object.get(p.getKey()), propertySchema, childPath, slots, depth + 1);
            }
        } else if (value instanceof ArrayNode array && Schemas.type(schema).equals("array") && !array.isEmpty()) {
            JsonNode items = api.resolve(schema.path("items"));
            slots.add(new Slot(path + "[0]", array, null, 0, items, true));
            collect(api, array.get(0), items, path + "[0]", slots, depth + 1);
        }
    }

    /** A hard mutation of one slot, or null if none applies to it. Returns a description of what was done. */
    static String hard(Slot slot, Random random) {
        List<Runnable> options = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        JsonNode schema = slot.schema();
        String type = Schemas.type(schema);
        if (type.isEmpty()) {
            return null; // a free-form field takes anything
        }
        JsonNode wrong = wrongType(type, random);
        add(options, labels, "wrong type " + wrong, () -> slot.set(wrong));
        if (slot.required() && slot.inObject()) {
            add(options, labels, "required field null", () -> slot.set(NODES.nullNode()));
            add(options, labels, "required field missing", slot::remove);
        }
        if (type.equals("string")) {
            List<String> values = Schemas.enumValues(schema);
            if (!values.isEmpty()) {
                String bad = invalidEnumValue(values, random);
                add(options, labels, "not one of the enum", () -> slot.set(NODES.textNode(bad)));
            }
            switch (Schemas.format(schema)) {
                case "uuid" -> {
                    String bad = HostileText.pick(List.of("not-a-uuid", "12345", "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d1g",
                            "7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10-00", "{7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10}", "💥"), random);
                    add(options, labels, "not a UUID", () -> slot.set(NODES.textNode(bad)));
                }
                case "date" -> {
                    String bad = HostileText.pick(List.of("2011-02-30", "2011-13-01", "14.03.2011", "2011-3-14", "20110314",
                            "2011-03-14T00:00:00Z", "+99999999-01-01", "yesterday"), random);
                    add(options, labels, "not a date", () -> slot.set(NODES.textNode(bad)));
                }
                default -> {
                }
            }
            Integer max = Schemas.maxLength(schema);
            if (max != null) {
                int length = random.nextInt(10) == 0 ? 1_000_000 : max + 1 + random.nextInt(3);
                String text = "a".repeat(length);
                add(options, labels, "longer than " + max + " (" + length + ")", () -> slot.set(NODES.textNode(text)));
            }
            if (Schemas.mustNotBeBlank(schema)) {
                String blank = HostileText.pick(List.of("", " ", " \t\r\n "), random);
                add(options, labels, "blank", () -> slot.set(NODES.textNode(blank)));
            }
            String pattern = schema.path("pattern").asText("");
            boolean formatted = !Schemas.format(schema).isEmpty(); // uuid, date: covered above (and "" would read as null)
            String mismatch = pattern.isEmpty() || pattern.equals("\\S") || formatted ? null : notMatching(pattern);
            if (mismatch != null) {
                add(options, labels, "not matching " + pattern, () -> slot.set(NODES.textNode(mismatch)));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            if (schema.has("maximum")) {
                double above = schema.get("maximum").asDouble() + (type.equals("integer") ? 1 : 0.5);
                add(options, labels, "above maximum", () -> slot.set(number(type, above)));
            }
            if (schema.has("minimum")) {
                double below = schema.get("minimum").asDouble() - (type.equals("integer") ? 1 : 0.5);
                add(options, labels, "below minimum", () -> slot.set(number(type, below)));
            }
            if (type.equals("integer")) {
                add(options, labels, "integer overflow", () -> slot.set(NODES.numberNode(new java.math.BigInteger("99999999999999999999999"))));
            }
        }
        if (type.equals("array")) {
            int min = schema.path("minItems").asInt(0);
            if (min > 0) {
                add(options, labels, "fewer than " + min + " items", () -> {
                    ArrayNode fewer = NODES.arrayNode();
                    JsonNode current = slotValue(slot);
                    for (int i = 0; i < min - 1 && current != null && i < current.size(); i++) {
                        fewer.add(current.get(i));
                    }
                    slot.set(fewer);
                });
            }
            if (schema.has("maxItems")) {
                int maxItems = schema.get("maxItems").asInt();
                add(options, labels, "more than " + maxItems + " items", () -> {
                    ArrayNode more = NODES.arrayNode();
                    for (int i = 0; i <= maxItems; i++) {
                        more.add("item-" + i);
                    }
                    slot.set(more);
                });
            }
            add(options, labels, "items of the wrong type", () -> slot.set(NODES.arrayNode().add(NODES.objectNode().put("x", 1))
                    .add(NODES.arrayNode())));
        }
        if (options.isEmpty()) {
            return null;
        }
        int choice = random.nextInt(options.size());
        options.get(choice).run();
        return slot.path() + ": " + labels.get(choice);
    }

    /** A Unicode mutation that no field may take: text with NUL or a lone surrogate, or too long in another script. */
    static String unicode(Slot slot, Random random) {
        JsonNode schema = slot.schema();
        if (!Schemas.type(schema).equals("string")) {
            return null;
        }
        List<String> values = Schemas.enumValues(schema);
        int kind = random.nextInt(4);
        if (kind == 0 && !values.isEmpty()) {
            String constant = HostileText.pick(values, random);
            String bad = invalidEnumValue(values, random, HostileText.lookAlikes(constant));
            slot.set(NODES.textNode(bad));
            return slot.path() + ": look-alike of " + constant;
        }
        if (kind == 1 && Schemas.format(schema).equals("uuid")) {
            String bad = HostileText.pick(List.of("7b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9dа0", // Cyrillic а
                    "７ｂ０ｆ３ｃ２ｅ-８ａ７ｅ-４ａ５５-９ｄ１ｅ-２ｆ０ｃ８ｂ７ｆ９ｄ１０", "٧b0f3c2e-8a7e-4a55-9d1e-2f0c8b7f9d10"), random);
            slot.set(NODES.textNode(bad));
            return slot.path() + ": UUID with non-ASCII characters";
        }
        if (kind == 1 && Schemas.format(schema).equals("date")) {
            slot.set(NODES.textNode(HostileText.pick(List.of("٢٠١١-٠٣-١٤", "２０１１-０３-１４", "2011‐03‐14"), random)));
            return slot.path() + ": date in non-ASCII digits or hyphens";
        }
        Integer max = Schemas.maxLength(schema);
        if (kind == 2 && max != null) {
            int length = max + 1 + random.nextInt(5);
            slot.set(NODES.textNode(HostileText.longText(length, random)));
            return slot.path() + ": " + length + " code points in another script (max " + max + ")";
        }
        String text = HostileText.pick(HostileText.NEVER_VALID, random);
        slot.set(NODES.textNode(text));
        return slot.path() + ": text with a NUL or a lone surrogate";
    }

    /** Hostile but acceptable text in a free-text field, within its length. */
    static void decorate(Slot slot, Random random) {
        JsonNode schema = slot.schema();
        if (!Schemas.type(schema).equals("string") || !Schemas.enumValues(schema).isEmpty()
                || !Schemas.format(schema).isEmpty() || schema.has("pattern") && !schema.get("pattern").asText().equals("\\S")) {
            return;
        }
        String text = HostileText.pick(HostileText.PLAUSIBLE, random);
        Integer max = Schemas.maxLength(schema);
        if (max != null && text.length() > max) {
            return;
        }
        slot.set(NODES.textNode(text));
    }

    /** Fields the schema does not know, some with hostile names: ignored by the services, never an error by themselves. */
    static void addUnknownFields(JsonNode body, Random random) {
        if (body instanceof ObjectNode object) {
            String[] names = {"__proto__", "@class", "$where", "constructor", "поље", "ﻣﺠﺎل", "id", "version", "ownerAgency",
                    "fromAgency", "status", "a\u0000b"};
            String name = names[random.nextInt(names.length)];
            if (object.has(name)) {
                return;
            }
            JsonNode value = switch (random.nextInt(4)) {
                case 0 -> NODES.textNode(HostileText.pick(HostileText.PLAUSIBLE, random));
                case 1 -> NODES.objectNode().put("polluted", true);
                case 2 -> NODES.arrayNode().add("java.lang.Runtime").add("exec");
                default -> NODES.numberNode(random.nextLong());
            };
            object.set(name, value);
        }
    }

    private static void add(List<Runnable> options, List<String> labels, String label, Runnable r) {
        options.add(r);
        labels.add(label);
    }

    private static JsonNode slotValue(Slot slot) {
        return slot.inObject() ? slot.container().get(slot.field()) : slot.container().get(slot.index());
    }

    /** A JSON value Jackson cannot turn into the given type (scalars are coerced between each other, so not those). */
    static JsonNode wrongType(String type, Random random) {
        return switch (type) {
            case "object" -> random.nextBoolean() ? NODES.arrayNode().add(1) : NODES.booleanNode(true);
            case "array" -> NODES.objectNode().put("a", 1);
            case "integer", "number" -> random.nextBoolean() ? NODES.textNode("twelve") : NODES.objectNode();
            case "boolean" -> random.nextBoolean() ? NODES.textNode("maybe") : NODES.arrayNode();
            default -> random.nextBoolean() ? NODES.objectNode().put("a", 1) : NODES.arrayNode().add(NODES.arrayNode());
        };
    }

    static String invalidEnumValue(List<String> values, Random random) {
        String constant = HostileText.pick(values, random);
        List<String> candidates = new ArrayList<>(HostileText.lookAlikes(constant));
        candidates.addAll(List.of("' OR '1'='1", "ЦИРИЛИЦА", "null", "*", "%", constant + "\u0301"));
        return invalidEnumValue(values, random, candidates);
    }

    /** One of the candidates that is not an enum value even compared without case and surrounding space. */
    static String invalidEnumValue(List<String> values, Random random, List<String> candidates) {
        List<String> bad = candidates.stream()
                .filter(c -> values.stream().noneMatch(v -> v.equalsIgnoreCase(c.strip())
                        || v.equals(c.strip().toUpperCase(Locale.ROOT))))
                .toList();
        return HostileText.pick(bad, random);
    }

    private static JsonNode number(String type, double value) {
        return type.equals("integer") ? NODES.numberNode((long) value) : NODES.numberNode(value);
    }

    /** A short string the pattern does not find (JSON Schema patterns are unanchored), or null if each is found. */
    static String notMatching(String pattern) {
        try {
            Pattern p = Pattern.compile(pattern);
            for (String candidate : List.of("x", "25:61", "ЖЖЖ", "٣٣:٣٣", "!!", "+++++")) {
                if (!p.matcher(candidate).find()) {
                    return candidate;
                }
            }
        } catch (PatternSyntaxException e) {
            return null;
        }
        return null;
    }
}
