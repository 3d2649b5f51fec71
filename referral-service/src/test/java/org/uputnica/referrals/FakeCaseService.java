package org.uputnica.referrals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real HTTP server in the test JVM standing in for the case-service, for the tests that need it to answer (the
 * other tests point the client at a closed port). It answers what the test says per path, 404 otherwise, and records
 * each request with its Authorization header.
 */
public class FakeCaseService implements QuarkusTestResourceLifecycleManager {

    /** One request as it arrived. */
    record Request(String path, String authorization) {
    }

    private record Answer(int status, String json) {
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<Request> REQUESTS = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    /** From now on, GET {@code path} answers {@code status} with {@code json} (null: no body). */
    static void answer(String path, int status, String json) {
        ANSWERS.put(path, new Answer(status, json));
    }

    static List<Request> requestsTo(String path) {
        return REQUESTS.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", FakeCaseService::handle);
        server.start();
        return Map.of("quarkus.rest-client.case-service.url", "http://localhost:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        REQUESTS.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = ANSWERS.getOrDefault(path, new Answer(404, null));
        if (answer.json() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
