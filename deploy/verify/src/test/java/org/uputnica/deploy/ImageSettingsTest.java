package org.uputnica.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Maven profile `images` (Jib, no Docker daemon) is configured as the issue asks: a named and pinned base image,
 * a non-root user, tags from the project's version, and every workload in it. Only the configuration is checked:
 * base images and registries cannot be reached from the project's machines, so no image is built here.
 */
class ImageSettingsTest {

    @Test
    void theImagesProfileNamesItsBaseImageRunsAsNonRootAndTagsWithTheVersion() throws Exception {
        Map<String, String> settings = profileProperties(Project.root().resolve("pom.xml"), "images");
        List<String> problems = new ArrayList<>();
        String base = settings.getOrDefault("quarkus.jib.base-jvm-image", "");
        if (!base.matches("[a-z0-9.-]+(:\\d+)?/[a-z0-9./_-]+:[A-Za-z0-9._-]+") || base.endsWith(":latest")) {
            problems.add("base image not named with a registry and a pinned tag: '" + base + "'");
        }
        String user = settings.getOrDefault("quarkus.jib.user", "");
        if (user.isEmpty() || user.equals("0") || user.startsWith("root")) {
            problems.add("the image would run as root: quarkus.jib.user='" + user + "'");
        }
        if (!"${project.version}".equals(settings.get("quarkus.container-image.tag"))) {
            problems.add("the tag is not the project's version: " + settings.get("quarkus.container-image.tag"));
        }
        if (!"uputnica".equals(settings.get("quarkus.container-image.group"))) {
            problems.add("the images are not uputnica/<module>");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyWorkloadAddsJibInTheImagesProfileAndQuarkusKubernetesInTheKubernetesProfile() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String workload : Project.WORKLOADS) {
            if (!Project.exists(workload)) {
                continue;
            }
            Path pom = Project.root().resolve(workload).resolve("pom.xml");
            if (!profileDependencies(pom, "images").contains("io.quarkus:quarkus-container-image-jib")) {
                problems.add(workload + ": no quarkus-container-image-jib in the profile images");
            }
            if (!profileDependencies(pom, "kubernetes").contains("io.quarkus:quarkus-kubernetes")) {
                problems.add(workload + ": no quarkus-kubernetes in the profile kubernetes");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static Element profile(Path pom, String id) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList profiles = doc.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if (id.equals(child(p, "id"))) {
                return p;
            }
        }
        return null;
    }

    static Map<String, String> profileProperties(Path pom, String id) throws Exception {
        Map<String, String> properties = new TreeMap<>();
        Element p = profile(pom, id);
        NodeList list = p == null ? null : p.getElementsByTagName("properties");
        if (list != null && list.getLength() > 0) {
            for (Node n = list.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    static List<String> profileDependencies(Path pom, String id) throws Exception {
        List<String> dependencies = new ArrayList<>();
        Element p = profile(pom, id);
        NodeList list = p == null ? null : p.getElementsByTagName("dependency");
        for (int i = 0; list != null && i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            dependencies.add(child(d, "groupId") + ":" + child(d, "artifactId"));
        }
        return dependencies;
    }

    private static String child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }
}
