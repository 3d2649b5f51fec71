package org.uputnica.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the agency from Keycloak's {@code organization} claim. Keycloak writes it as an array of aliases
 * ({@code ["csr-kikinda"]}), or as an object keyed by alias when the mapper adds ids or attributes.
 */
public final class AgencyClaim {
    public static final String NAME = "organization";

    private AgencyClaim() {
    }

    /** All agency aliases the claim names, in claim order; empty when the claim is absent. */
    public static List<String> aliases(Object claim) {
        List<String> aliases = new ArrayList<>();
        if (claim == null || claim == JsonValue.NULL) {
            return aliases;
        }
        if (claim instanceof JsonString s) {
            aliases.add(s.getString());
        } else if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    aliases.add(s.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof String s) {
            aliases.add(s);
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> aliases.add(String.valueOf(v)));
        } else if (claim instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> aliases.add(String.valueOf(k)));
        }
        aliases.removeIf(a -> a == null || a.isBlank());
        return aliases;
    }

    /** The single agency of the caller, or a {@link NoAgencyException} when there is none or more than one. */
    public static String single(Object claim) {
        List<String> aliases = aliases(claim);
        if (aliases.isEmpty()) {
            throw new NoAgencyException("the token names no agency (claim 'organization'); "
                    + "ask your agency admin to make you a member of your agency");
        }
        if (aliases.size() > 1) {
            throw new NoAgencyException("the token names more than one agency " + aliases
                    + "; request a token for one agency (scope organization:<alias>)");
        }
        return aliases.get(0);
    }
}
