package org.uputnica.referrals.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * HAPI's R4 context and JSON parser. The context scans the R4 model of each resource type once (2.5 to 4 s of CPU for
 * the types the facade uses, see docs/adr/0009-fhir-facade-in-referral-service.md): a thread does it after start, so
 * that neither the start nor the first integrator's call waits for it. Parsing is strict: an unknown element, a
 * wrong type or an unknown code of a required binding is a 400.
 */
@ApplicationScoped
public class FhirJson {
    private final FhirContext context;

    FhirJson() {
        context = FhirContext.forR4Cached();
        context.setParserErrorHandler(new StrictErrorHandler());
    }

    void warmUp(@Observes StartupEvent started) {
        Thread warmUp = new Thread(() -> {
            for (String type : List.of("Bundle", "Task", "ServiceRequest", "Patient", "OperationOutcome",
                    "CapabilityStatement")) {
                context.getResourceDefinition(type);
            }
        }, "fhir-model-scan");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    <T extends IBaseResource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw FhirProblems.malformed("the body is empty; it must be a FHIR R4 " + type.getSimpleName()
                    + " in JSON");
        }
        IBaseResource parsed;
        try {
            parsed = parser().parseResource(body);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            // the parser's message names the element and the line, never data of ours; the JSON reader's may name its
            // own classes, which are no business of the caller
            throw FhirProblems.malformed("not a valid FHIR R4 JSON resource: "
                    + shorten(withoutClassNames(e.getMessage())));
        }
        if (!type.isInstance(parsed)) {
            throw FhirProblems.malformed("resourceType must be " + type.getSimpleName() + ", not "
                    + parsed.fhirType());
        }
        return type.cast(parsed);
    }

    String write(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    private IParser parser() {
        return context.newJsonParser();
    }

    private static String withoutClassNames(String message) {
        return message == null ? null
                : message.replaceAll("\\b(?:com|ca|org|java|javax|jakarta|io)\\.[A-Za-z0-9_$.]+:?\\s*", "").strip();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
