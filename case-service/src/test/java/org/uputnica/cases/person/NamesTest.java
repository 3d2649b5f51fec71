package org.uputnica.cases.person;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamesTest {

    @Test
    void serbianNamesGoBothWaysBetweenTheScripts() {
        assertEquals("Đorđe Ljubičić Džaković", Names.latin("Ђорђе Љубичић Џаковић"));
        assertEquals("Ђорђе Љубичић Џаковић", Names.cyrillic("Đorđe Ljubičić Džaković"));
        assertEquals("Њињић", Names.cyrillic("Njinjić"));
        assertEquals("Амир Хасани", Names.cyrillic("Amir Hasani"));
    }

    @Test
    void theKeyIsTheSameWhateverTheScriptOrDiacritics() {
        assertEquals("djordje jovanovic", Names.key("Ђорђе Јовановић"));
        assertEquals("djordje jovanovic", Names.key("Đorđe Jovanović"));
        assertEquals("djordje jovanovic", Names.key("  Djordje   JOVANOVIC "));
        assertEquals("ljubica", Names.key("Љубица"));
    }

    @Test
    void otherScriptsBecomeLatinLetters() {
        assertEquals("mhmd", Names.key("محمد"));
        assertEquals("", Names.key(null));
    }
}
