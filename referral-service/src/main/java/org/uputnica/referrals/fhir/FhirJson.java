package org.uputnica.referrals.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's R4 context and JSON parser. The context scans the R4 model once (about a second, see
 * docs/adr/0009-fhir-facade-in-referral-service.md): built at start so that the first integrator's call does not pay.
 * Parsing is strict: an unknown element, a wrong type or an unknown code of a required binding is a 400.
 */
@Startup
@ApplicationScoped
public class FhirJson {
    private final FhirContext context;

    FhirJson() {
        context = FhirContext.forR4Cached();
        context.setParserErrorHandler(new StrictErrorHandler());
        context.getResourceDefinition("Task"); // scan the model now
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
            // the parser's message names the element and the line, never data of ours
            throw FhirProblems.malformed("not a valid FHIR R4 JSON resource: " + shorten(e.getMessage()));
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

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
