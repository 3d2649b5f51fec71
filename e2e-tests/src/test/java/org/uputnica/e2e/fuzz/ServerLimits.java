package org.uputnica.e2e.fuzz;

import org.uputnica.e2e.fuzz.ApiDescription.Operation;
import org.uputnica.e2e.fuzz.FuzzRequest.Category;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed requests at and beyond the HTTP server's limits, written as raw bytes to a socket (the JDK's client refuses
 * to build most of them): too long, too large, broken encodings, requests that are not quite HTTP. Those refused
 * before any Uputnica code runs are marked with the reason they may come without a problem body.
 */
final class ServerLimits {
    private static final String CRLF = "\r\n";

    private ServerLimits() {
    }

    /** Sent to the service of the first create operation (POST with a JSON body and no path parameter). */
    static List<FuzzRequest> requests(List<Operation> operations, String authorization) {
        Operation create = operations.stream().filter(o -> o.method.equals("POST") && o.hasJsonBody() && o.in("path").isEmpty())
                .findFirst().orElseThrow();
        Raw raw = new Raw(create, authorization);
        List<FuzzRequest> list = new ArrayList<>();
        list.add(bare(raw.get("URI longer than the 4 KB request line limit", "/api/v1/nothing?q=" + "a".repeat(9000), 414),
                Verdicts.VERTX_CODEC));
        list.add(bare(raw.request("headers larger than the 20 KB limit", "GET /api/v1/nothing",
                "X-Fuzz: " + "a".repeat(30_000) + CRLF, "", 431), Verdicts.VERTX_CODEC));
        list.add(bare(raw.get("a control character in the request line", "/api/v1/noth\u0001ing", 400), Verdicts.VERTX_CODEC));
        list.add(bare(raw.request("a Content-Length that is not a number", "POST " + create.path,
                "Content-Length: many" + CRLF, "", 400), Verdicts.VERTX_CODEC));
        list.add(bare(raw.request("two different Content-Lengths", "POST " + create.path,
                "Content-Length: 2" + CRLF + "Content-Length: 3" + CRLF, "{}", 400), Verdicts.VERTX_CODEC));
        list.add(bare(raw.get("broken percent-encoding in the path", "/api/v1/nothing/%zz", 400), Verdicts.QUARKUS_URI_CHECK));
        list.add(bare(raw.get("broken percent-encoding in the query", "/api/v1/nothing?status=%", 400), Verdicts.QUARKUS_URI_CHECK));
        list.add(raw.get("percent-encoded bytes that are not UTF-8", "/api/v1/nothing?status=%C0%AF&x=%FF", 400, 404));
        list.add(raw.get("a path without the leading slash", "api/v1/nothing", 400, 404));
        list.add(raw.get("a request target that is not a path", "*", 400, 404));
        list.add(raw.withoutHost("an HTTP/1.1 request without a Host header", "GET /api/v1/nothing", 400));
        list.add(raw.request("a declared body of 20 MB (JSON limit 1 MB)", "POST " + create.path,
                "Content-Type: application/json" + CRLF + "Content-Length: 20000000" + CRLF, "{\"person\": \"", 413));
        list.add(bare(raw.chunked("a chunked body growing over the HTTP limit (1 MB; 9 MB in the case-service)", "POST " + create.path, 11_000_000, 413),
                "Quarkus's body reader answers a chunked body over the limit itself, as it reads it"));
        FuzzRequest big = new FuzzRequest(-1, Category.LIMITS, create, "POST", create.path,
                "an unterminated JSON string of 9 MB (JSON limit 1 MB)");
        big.header("Authorization", authorization).header("Content-Type", "application/json")
                .body("{\"a\": \"" + "ж".repeat(4_500_000));
        list.add(big.expect(413));
        FuzzRequest under = new FuzzRequest(-1, Category.LIMITS, create, "POST", create.path,
                "an unterminated JSON string just under the 1 MB JSON limit");
        under.header("Authorization", authorization).header("Content-Type", "application/json")
                .body("{\"a\": \"" + "ж".repeat(450_000));
        list.add(under.expect(400));
        return list;
    }

    private static FuzzRequest bare(FuzzRequest r, String reason) {
        r.bareAnswerAllowed = reason;
        return r;
    }

    /** Builds raw requests to one service; each asks the server to close the connection after its answer. */
    private record Raw(Operation op, String authorization) {
        FuzzRequest get(String description, String target, Integer... statuses) {
            return request(description, "GET " + target, "", "", statuses);
        }

        FuzzRequest request(String description, String requestLine, String headers, String body, Integer... statuses) {
            return build(description, requestLine, "Host: localhost" + CRLF + headers, body, statuses);
        }

        FuzzRequest withoutHost(String description, String requestLine, Integer... statuses) {
            return build(description, requestLine, "", "", statuses);
        }

        FuzzRequest chunked(String description, String requestLine, int size, Integer... statuses) {
            FuzzRequest r = request(description, requestLine, "Content-Type: application/json" + CRLF
                    + "Transfer-Encoding: chunked" + CRLF, Integer.toHexString(size) + CRLF, statuses);
            byte[] start = r.raw;
            r.raw = Arrays.copyOf(start, start.length + size);
            Arrays.fill(r.raw, start.length, r.raw.length, (byte) 'a');
            return r;
        }

        private FuzzRequest build(String description, String requestLine, String headers, String body, Integer... statuses) {
            int space = requestLine.indexOf(' ');
            FuzzRequest r = new FuzzRequest(-1, Category.LIMITS, op.api.service, op.api.baseUrl, requestLine.substring(0, space),
                    requestLine.substring(space + 1), description);
            r.raw = (requestLine + " HTTP/1.1" + CRLF + headers + "Connection: close" + CRLF + "Authorization: " + authorization
                    + CRLF + CRLF + body).getBytes(StandardCharsets.UTF_8);
            return r.expect(statuses);
        }
    }
}
