package org.uputnica.identity;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyClaimTest {

    @Test
    void readsTheArrayKeycloakWritesForOneAgency() {
        assertEquals("csr-kikinda", AgencyClaim.single(Json.createArrayBuilder().add("csr-kikinda").build()));
    }

    @Test
    void readsTheObjectFormKeyedByAlias() {
        var claim = Json.createObjectBuilder()
                .add("iom-serbia", Json.createObjectBuilder().add("id", "42")).build();
        assertEquals("iom-serbia", AgencyClaim.single(claim));
    }

    @Test
    void aMissingClaimIsTheNoAgencyProblem() {
        NoAgencyException e = assertThrows(NoAgencyException.class, () -> AgencyClaim.single(null));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("no agency"));
    }

    @Test
    void anEmptyArrayIsTheNoAgencyProblem() {
        assertThrows(NoAgencyException.class, () -> AgencyClaim.single(Json.createArrayBuilder().build()));
    }

    @Test
    void twoAgenciesAreRefusedRatherThanGuessed() {
        var claim = Json.createArrayBuilder().add("csr-kikinda").add("udruzenje-rod").build();
        NoAgencyException e = assertThrows(NoAgencyException.class, () -> AgencyClaim.single(claim));
        assertTrue(e.getMessage().contains("more than one"));
    }

    @Test
    void plainJavaValuesAreAcceptedToo() {
        assertEquals(List.of("kirs"), AgencyClaim.aliases(List.of("kirs")));
        assertEquals(List.of("minrzs"), AgencyClaim.aliases("minrzs"));
    }
}
