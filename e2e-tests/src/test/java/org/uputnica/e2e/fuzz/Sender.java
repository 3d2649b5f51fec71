package org.uputnica.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends fuzz requests. Most go through the JDK's HTTP client; those it refuses to build (a broken percent-encoding,
 * a request line or header beyond the server's limits, a body larger than the limit) go over a plain socket.
 */
final class Sender {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer, or the I/O error in its place. */
    record Answer(int status, Map<String, String> headers, byte[] body, String error) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(FuzzRequest request) {
        return request.raw != null ? sendRaw(request) : sendHttp(request);
    }

    private Answer sendHttp(FuzzRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.baseUrl + request.target))
                    .timeout(Duration.ofSeconds(60))
                    .method(request.method, request.body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body));
            request.headers.forEach(builder::header);
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            return new Answer(response.statusCode(), headers, response.body(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, Map.of(), null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the request bytes as they are, reads until the server closes (raw requests ask for Connection: close). */
    private Answer sendRaw(FuzzRequest request) {
        URI base = URI.create(request.baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.raw);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything we meant to send (413): read the answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    buffer.write(chunk, 0, n);
                }
            } catch (IOException e) {
                if (buffer.size() == 0) {
                    throw e;
                }
            }
            return parse(buffer.toByteArray());
        } catch (IOException e) {
            return new Answer(0, Map.of(), null, e.toString());
        }
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // a 100 Continue may come first
        while (text.startsWith("HTTP/1.1 100") || text.startsWith("HTTP/1.0 100")) {
            int end = text.indexOf("\r\n\r\n");
            text = end < 0 ? "" : text.substring(end + 4);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || headEnd < 0) {
            return new Answer(0, Map.of(), bytes, "not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = text.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
        return new Answer(status, headers, body, null);
    }
}
