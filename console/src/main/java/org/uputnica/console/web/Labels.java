package org.uputnica.console.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/** A message of the bundle by its key, for Java code that writes text outside a page (the PDF, the CSV headers). */
@ApplicationScoped
public class Labels {
    private final Template lookup;

    public Labels(Engine engine) {
        this.lookup = engine.parse("{msg:message(key)}");
    }

    public String get(String key, Locale locale) {
        return lookup.data("key", key).setLocale(locale).render();
    }
}
