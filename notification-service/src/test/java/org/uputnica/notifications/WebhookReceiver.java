package org.uputnica.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/** A real HTTP endpoint for webhooks, in the test JVM: it records what arrives and answers what the test says. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String path, String id, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> drips = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // one thread per request: a dripping answer must not hold up the others
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** From now on, requests to {@code path} get this status (204 unless said otherwise). */
    void answer(String path, int status) {
        answers.put(path, status);
    }

    /** From now on, requests to {@code path} get a 200 whose body comes one byte every 200 ms for this long. */
    void drip(String path, Duration during) {
        drips.put(path, during);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var headers = exchange.getRequestHeaders();
        received.add(new Received(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Duration drip = drips.get(path);
        if (drip != null) {
            exchange.sendResponseHeaders(200, 0);
            long end = System.nanoTime() + drip.toNanos();
            try (var body = exchange.getResponseBody()) {
                while (System.nanoTime() < end) {
                    body.write(' ');
                    body.flush();
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // the slow peer itself, not a test waiting
                }
            } catch (IOException gone) {
                // the caller gave up: that is the point
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answers.getOrDefault(path, 204), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
