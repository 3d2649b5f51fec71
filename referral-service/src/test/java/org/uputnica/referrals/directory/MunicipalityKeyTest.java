package org.uputnica.referrals.directory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MunicipalityKeyTest {

    @Test
    void caseDiacriticsScriptAndSpacesDoNotMatter() {
        assertEquals("sid", MunicipalityKey.of("Šid"));
        assertEquals("sid", MunicipalityKey.of("SID"));
        assertEquals("sid", MunicipalityKey.of("Шид"));
        assertEquals("kikinda", MunicipalityKey.of("Кикинда"));
        assertEquals("novi knezevac", MunicipalityKey.of("  Novi   Kneževac "));
        assertEquals("novi knezevac", MunicipalityKey.of("Нови Кнежевац"));
        assertEquals("coka", MunicipalityKey.of("Čoka"));
        assertEquals("presevo", MunicipalityKey.of("Preševo"));
        assertEquals("dakovica", MunicipalityKey.of("Đakovica"));
        assertEquals("dakovica", MunicipalityKey.of("Ђаковица"));
        assertEquals("ljubovija", MunicipalityKey.of("Љубовија"));
        assertEquals("zivinice", MunicipalityKey.of("Živinice"));
        assertEquals("brcko", MunicipalityKey.of("Brčko"));
        assertEquals("brcko", MunicipalityKey.of("Брчко"));
    }
}
