package org.uputnica.cases.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.uputnica.platform.problem.ProblemException;

import java.io.IOException;
import java.util.Locale;

/**
 * What an upload's bytes must be before they are a document. Checked only after the caller is known to own the
 * case, so that someone who may not see the case learns nothing about it from the answer to a bad body.
 */
final class UploadedContent {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UploadedContent() {
    }

    /** An empty body, or one declared as JSON that is not one JSON object, is a client error, not a document. */
    static void requireUsable(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "the document is empty");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return;
        }
        try {
            if (!JSON.readTree(body).isObject()) {
                throw ProblemException.invalidField("body", "is declared as JSON but is not a JSON object");
            }
        } catch (IOException e) {
            throw ProblemException.invalidField("body", "is declared as JSON but is not one JSON value");
        }
    }
}
