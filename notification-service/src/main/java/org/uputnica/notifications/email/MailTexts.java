package org.uputnica.notifications.email;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.uputnica.notifications.language.Language;
import org.uputnica.notifications.language.LocalFormat;

import java.time.ZoneId;
import java.util.Map;

/**
 * Renders e-mails from the Qute templates under {@code templates/email/}: one file per message and language
 * ({@code notice-sr-Latn.txt}), each holding its subject as the fragment {@code subject}, so a translator sees a
 * whole message in one place.
 */
@ApplicationScoped
public class MailTexts {

    /** A rendered e-mail. */
    public record Text(String subject, String body) {
    }

    @Inject
    Engine engine;

    @ConfigProperty(name = "uputnica.notifications.time-zone", defaultValue = "Europe/Belgrade")
    ZoneId zone;

    public LocalFormat format(Language language) {
        return new LocalFormat(language, zone);
    }

    /** Renders {@code templates/email/<message>-<tag>.txt} with {@code fmt} and the given data. */
    public Text render(String message, Language language, Map<String, Object> data) {
        Template template = engine.getTemplate("email/" + message + "-" + language.tag());
        if (template == null) {
            throw new IllegalStateException("no template email/" + message + " in " + language.tag());
        }
        LocalFormat fmt = format(language);
        var subject = template.getFragment("subject").data("fmt", fmt);
        var body = template.data("fmt", fmt);
        data.forEach((k, v) -> {
            subject.data(k, v);
            body.data(k, v);
        });
        // a subject is one line, whatever the template's layout
        return new Text(subject.render().strip().replaceAll("\\s+", " "), body.render().strip() + "\n");
    }
}
