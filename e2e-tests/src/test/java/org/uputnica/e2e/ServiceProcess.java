package org.uputnica.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One service's runnable jar (target/quarkus-app) started as its own process, as in production. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final String baseUrl;
    private final Process process;
    private final Path log;

    private final int port;
    private final Map<String, String> env;

    private ServiceProcess(String name, int port, Map<String, String> env, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.baseUrl = "http://localhost:" + port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, int port, Map<String, String> env) throws IOException {
        Path root = Path.of(System.getProperty("uputnica.root", ".."));
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build packages each service before these tests");
        }
        Path logs = Path.of("target/e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(name, port, Map.copyOf(env), pb.start(), log);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        return service;
    }

    /** The file the process writes its console to (appended across restarts). */
    public Path log() {
        return log;
    }

    void awaitReady(Duration timeout) {
        await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            return ready();
        });
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -9: no shutdown hook, no commit of consumed offsets, whatever was in flight is cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** The same service on the same port, database and topics, started anew. */
    ServiceProcess restart() throws IOException {
        return start(name, port, env);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
