package org.uputnica.console.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every language has every key of the console's message bundle, and no key the bundle does not know. */
class MessagesTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        everyLanguageHasEveryKey(Msg.class, "msg");
        everyLanguageHasEveryKey(Pg.class, "pg");
    }

    private static void everyLanguageHasEveryKey(Class<?> bundle, String name) throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (Lang lang : Lang.values()) {
            Properties texts = load(lang, name);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(texts.stringPropertyNames());
            Set<String> unknown = new TreeSet<>(texts.stringPropertyNames());
            unknown.removeAll(keys);
            assertEquals(Set.of(), missing, "keys missing in " + lang.tag);
            assertEquals(Set.of(), unknown, "keys in " + lang.tag + " that Msg does not declare");
            texts.forEach((k, v) -> assertFalse(v.toString().isBlank(), k + " is empty in " + lang.tag));
        }
    }

    @Test
    void cyrillicIsCyrillic() throws IOException {
        String title = load(Lang.SR_CYRL).getProperty("nav_my_work");
        assertTrue(title.chars().allMatch(c -> c == ' ' || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                title);
    }

    @Test
    void everyErrorPageHasItsTexts() throws IOException {
        for (int status : new int[] {403, 404, 409, 503}) {
            for (Lang lang : Lang.values()) {
                assertNotNull(load(lang).getProperty("error_" + status + "_title"), status + " " + lang.tag);
            }
        }
    }

    private static Properties load(Lang lang) throws IOException {
        return load(lang, "msg");
    }

    private static Properties load(Lang lang, String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + bundle + "_" + lang.tag + ".properties")) {
            assertNotNull(in, "no message file for " + lang.tag);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
