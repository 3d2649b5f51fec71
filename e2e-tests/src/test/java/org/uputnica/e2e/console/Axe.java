package org.uputnica.e2e.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, from the npm registry (npm pack, once per build into target/axe), run inside the page: the serious and
 * critical accessibility violations of what the browser shows.
 */
final class Axe {
    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target/axe");
    private static String source;

    private Axe() {
    }

    /** Whether axe-core could be had (npm is on the machine and the registry answers). */
    static synchronized boolean available() {
        if (source == null) {
            try {
                Path script = HOME.resolve("package/axe.min.js");
                if (!Files.exists(script)) {
                    Files.createDirectories(HOME);
                    run("npm", "pack", "axe-core@" + VERSION, "--pack-destination", HOME.toString());
                    run("tar", "xzf", HOME.resolve("axe-core-" + VERSION + ".tgz").toString(), "-C", HOME.toString());
                }
                source = Files.readString(script);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /** The serious and critical violations on the current page, as "rule: target" lines. */
    static List<String> seriousViolations(Browser browser) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript(source);
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', nodes: [], description: String(e)}])); });");
        List<String> found = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(result.toString())) {
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                found.add(v.path("id").asText() + " (" + impact + "): " + targets);
            }
        }
        return found;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
