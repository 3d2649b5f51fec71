package org.uputnica.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the code says about deployment: the workloads, the settings each reads, its channels, its meters. */
final class Project {
    /** The modules that run as a workload, in the order of the manifests. */
    static final List<String> WORKLOADS = List.of("case-service", "referral-service", "notification-service", "console");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");
    private static final Pattern METER = Pattern.compile(
            "(counter|Gauge\\.builder|FunctionCounter\\.builder|Counter\\.builder|Timer\\.builder)\\(\\s*\"(uputnica\\.[a-z.]+)\"");

    private Project() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("uputnica.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/k8s"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    static boolean exists(String module) {
        return Files.isRegularFile(root().resolve(module).resolve("src/main/resources/application.properties"));
    }

    /** The settings in force under %prod: the module's own over the platform's shared defaults. */
    static Map<String, String> prodConfig(String module) throws IOException {
        Map<String, String> config = new TreeMap<>();
        String pom = Files.readString(root().resolve(module).resolve("pom.xml"));
        if (pom.contains("uputnica-identity") || pom.contains("uputnica-platform")) {
            load(root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"), config);
        }
        load(root().resolve(module).resolve("src/main/resources/application.properties"), config);
        return config;
    }

    private static void load(Path file, Map<String, String> config) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> prod = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                prod.put(key.substring("%prod.".length()), p.getProperty(key));
            } else if (!key.startsWith("%")) {
                config.put(key, p.getProperty(key));
            }
        }
        config.putAll(prod);
    }

    /**
     * The environment variables a workload must be given: those read without a default under %prod, and those whose
     * default names localhost (right on a laptop, never in a cluster).
     */
    static TreeSet<String> requiredVariables(String module) throws IOException {
        TreeSet<String> required = new TreeSet<>();
        for (String value : prodConfig(module).values()) {
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                if (m.group(2) == null || m.group(3).contains("localhost")) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    /** Incoming channels: topic, consumer group and dead-letter topic. */
    record Channel(String name, String topic, String group, String deadLetterTopic) {
    }

    static List<Channel> incomingChannels(String module) throws IOException {
        Map<String, String> config = prodConfig(module);
        List<Channel> channels = new ArrayList<>();
        for (String key : config.keySet()) {
            Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (m.matches()) {
                String prefix = "mp.messaging.incoming." + m.group(1) + ".";
                channels.add(new Channel(m.group(1), config.get(key), config.get(prefix + "group.id"),
                        config.get(prefix + "dead-letter-queue.topic")));
            }
        }
        return channels;
    }

    /** The Prometheus names of the meters the code registers (counters get _total). */
    static TreeSet<String> meters() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))::iterator) {
                Matcher m = METER.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(2).replace('.', '_');
                    names.add(m.group(1).toLowerCase().contains("counter") ? name + "_total" : name);
                }
            }
        }
        return names;
    }

    /** The first path segment under /api/v1 of every resource class of a module (REST clients left out). */
    static TreeSet<String> resourceRoots(String module) throws IOException {
        TreeSet<String> roots = new TreeSet<>();
        Pattern path = Pattern.compile("(?m)^@Path\\(\"/api/v1/([^/\"]+)");
        try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(f);
                if (source.contains("@RegisterRestClient")) {
                    continue;
                }
                Matcher m = path.matcher(source);
                while (m.find()) {
                    roots.add(m.group(1));
                }
            }
        }
        return roots;
    }
}
