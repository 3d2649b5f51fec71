package org.uputnica.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No event carries personal or special-category data: every record of this module (the payloads, the actor, the
 * envelope) is read, and a field whose name suggests such data fails the build. A new payload is covered without
 * editing this test.
 */
class PersonalFieldsTest {

    /** Words of a field name (camelCase split, lower-cased) that suggest personal or special-category data. */
    static final Set<String> SUSPICIOUS = Set.of("name", "names", "birth", "dob", "born", "age", "jmbg", "passport",
            "identifier", "identifiers", "category", "categories", "ethnicity", "ethnic", "roma", "nationality",
            "religion", "health", "disability", "sex", "gender", "address", "phone", "email", "mail", "contact",
            "contacts", "guardian", "family", "reason", "note", "notes", "text", "comment", "description", "risk",
            "language", "languages", "person");

    /** Fields that match a suspicious word but hold a code from a closed list, never free text. */
    static final Map<String, String> CODES = Map.of(
            "ReferralChanged.reasonCode", "a decline or withdrawal code (DeclineReason), or a deadline name",
            "RecordsUnlinked.reasonCode", "NOT_SAME_PERSON, ENTERED_IN_ERROR or DUPLICATE_LINK",
            "CaseClosed.closureReason", "a ClosureReason code");

    static List<String> suspicious(Class<?> record) {
        List<String> found = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String field = record.getSimpleName() + "." + c.getName();
            boolean flagged = Arrays.stream(c.getName().split("(?<=[a-z0-9])(?=[A-Z])"))
                    .map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(SUSPICIOUS::contains);
            if (flagged && !CODES.containsKey(field)) {
                found.add(field);
            }
        }
        return found;
    }

    static List<Class<?>> records() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/uputnica/events");
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Class<?> c = Class.forName("org.uputnica.events." + f.getFileName().toString().replace(".class", ""));
                if (c.isRecord()) {
                    records.add(c);
                }
            }
        }
        return records;
    }

    @Test
    void noEventPayloadHasAFieldNamedForPersonalOrSpecialCategoryData() throws Exception {
        List<Class<?>> records = records();
        assertTrue(records.contains(CaseCreated.class) && records.contains(ReferralChanged.class), "records found");
        List<String> found = new ArrayList<>();
        records.forEach(r -> found.addAll(suspicious(r)));
        assertEquals(List.of(), found, "events carry ids and codes only");
    }

    @Test
    void theRuleCatchesSuchFields() {
        record Leaky(String givenName, String dateOfBirth, String category, String guardianPhone, String ownerAgency) {
        }
        assertEquals(List.of("Leaky.givenName", "Leaky.dateOfBirth", "Leaky.category", "Leaky.guardianPhone"),
                suspicious(Leaky.class));
    }
}
