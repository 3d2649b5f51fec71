package org.uputnica.platform.input;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks of a JSON body that Jackson does not make (bodies are at most {@code uputnica.http.max-json-body-size},
 * 1 MB, so they are read whole):
 * <ul>
 *   <li>It must not be larger than that: a body without a declared length (chunked) is cut off there, with 413
 *   {@code request-too-large} (one with a declared length over it never gets here: {@code HttpLayerProblems}).</li>
 *   <li>It must be UTF-8 (RFC 8259, section 8.1). Jackson reads an overlong form ({@code C0 AF} for "/") and an
 *   encoded surrogate ({@code ED A0 80}) without complaint; the JDK's decoder refuses both.</li>
 *   <li>No string in it, in whatever field, may escape a NUL or half a surrogate pair ({@link Text}). A string field
 *   is refused by {@link StrictJson}, naming the field; this catches the rest once Jackson has read the body: an
 *   escaped NUL that the UUID reader trims to "" and takes for an absent id, or one in a field nobody reads.</li>
 * </ul>
 */
@Provider
public class JsonBodies implements ReaderInterceptor {
    /** Read on first use: providers are built at static init, before the run-time configuration exists. */
    private volatile long maxBytes = -1;

    private long maxBytes() {
        if (maxBytes < 0) {
            maxBytes = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("uputnica.http.max-json-body-size", String.class)
                    .map(v -> new io.quarkus.runtime.configuration.MemorySizeConverter().convert(v).asLongValue())
                    .orElse(1024L * 1024);
        }
        return maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        long maxBytes = maxBytes();
        byte[] body;
        try {
            body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            // a chunked body over the limit: Quarkus's reader has answered 413 and closes the connection
            throw new ProblemException(413, ProblemType.REQUEST_TOO_LARGE, "Request too large", e.getMessage());
        }
        if (body.length > maxBytes) {
            throw new ProblemException(413, ProblemType.REQUEST_TOO_LARGE, "Request too large",
                    "a JSON body may be at most " + maxBytes + " bytes");
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw malformed("the request body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        Object read = context.proceed();
        if (escapesUnacceptableText(text)) {
            throw malformed("a string in the request body " + Text.RULE);
        }
        return read;
    }

    /**
     * Whether a string of the JSON text escapes a NUL (backslash-u-0000), or a surrogate (D800 to DFFF) that is not
     * the high half of an escaped pair followed by its low half.
     */
    static boolean escapesUnacceptableText(CharSequence json) {
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (inString && c == '\\' && i + 1 < json.length()) {
                i++;
                if (json.charAt(i) != 'u') {
                    continue; // an escaped quote, backslash, newline and the like: skipped with its backslash
                }
                int unit = hex4(json, i + 1);
                if (unit < 0) {
                    return false; // not JSON at all: Jackson has said so already
                }
                i += 4;
                if (unit == 0 || Character.isLowSurrogate((char) unit)) {
                    return true;
                }
                if (Character.isHighSurrogate((char) unit)) {
                    int next = i + 2 < json.length() && json.charAt(i + 1) == '\\' && json.charAt(i + 2) == 'u'
                            ? hex4(json, i + 3) : -1;
                    if (next < 0 || !Character.isLowSurrogate((char) next)) {
                        return true;
                    }
                    i += 6;
                }
            }
        }
        return false;
    }

    private static int hex4(CharSequence s, int from) {
        if (from + 4 > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0 || s.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, ProblemType.MALFORMED_REQUEST, "Malformed request", detail);
    }
}
