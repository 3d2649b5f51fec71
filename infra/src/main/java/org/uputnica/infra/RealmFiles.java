package org.uputnica.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The realm as Keycloak imports it: the base realm (settings, roles, clients and their service accounts, the
 * organisations feature), plus, on the local stack and in tests, the demo overlay beside it
 * ({@code uputnica-realm-demo.json}: organisations, users, working groups, demo clients). Production imports the base
 * alone. Keycloak imports one file per realm and cannot merge two, hence this small merge: objects merge by key, arrays
 * of the overlay are appended, and a group of the same name takes the overlay's sub-groups as well.
 */
public final class RealmFiles {
    static final String DEMO_SUFFIX = "-demo.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmFiles() {
    }

    /** The demo overlay that belongs to a base realm file ({@code x.json} → {@code x-demo.json}). */
    public static Path overlayOf(Path base) {
        String name = base.getFileName().toString();
        return base.resolveSibling(name.substring(0, name.length() - ".json".length()) + DEMO_SUFFIX);
    }

    /** Writes the realm to import into {@code target}: the base, merged with its overlay when {@code withDemo}. */
    public static void writeImport(Path base, boolean withDemo, Path target) {
        try {
            JsonNode realm = JSON.readTree(base.toFile());
            Path overlay = overlayOf(base);
            if (withDemo && Files.exists(overlay)) {
                merge((ObjectNode) realm, (ObjectNode) JSON.readTree(overlay.toFile()));
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), realm);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the realm import from " + base, e);
        }
    }

    static void merge(ObjectNode base, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode add = field.getValue();
            JsonNode existing = base.get(key);
            if (key.startsWith("_")) {
                continue; // comments of the overlay file
            }
            if (existing instanceof ObjectNode o && add instanceof ObjectNode a) {
                merge(o, a);
            } else if (existing instanceof ArrayNode list && add instanceof ArrayNode items) {
                for (JsonNode item : items) {
                    ObjectNode sameGroup = key.equals("groups") || key.equals("subGroups") ? named(list, item) : null;
                    if (sameGroup != null) {
                        merge(sameGroup, (ObjectNode) item);
                    } else {
                        list.add(item);
                    }
                }
            } else {
                base.set(key, add);
            }
        }
    }

    private static ObjectNode named(ArrayNode groups, JsonNode group) {
        for (JsonNode g : groups) {
            if (g instanceof ObjectNode o && g.path("name").equals(group.path("name"))) {
                return o;
            }
        }
        return null;
    }
}
