package org.uputnica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uputnica.events.Topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every overlay of deploy/k8s renders with kustomize, and what it renders agrees with the code: kinds and
 * apiVersions the operators serve, the fields each kind needs, the settings each service reads, the topics of the
 * events module, the Kafka ACLs of each service's channels, one database per service, the meters the alerts use.
 * No cluster is needed (kubeconform and the operators' CRD schemas cannot be had here: these checks stand in).
 */
class ManifestsTest {
    /** The kinds we use, with the apiVersion each is served under (the operators' current versions). */
    static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"), Map.entry("ServiceAccount", "v1"), Map.entry("Deployment", "apps/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"), Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"), Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"), Map.entry("PrometheusRule", "monitoring.coreos.com/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"), Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("Keycloak", "k8s.keycloak.org/v2alpha1"), Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1"),
            Map.entry("Issuer", "cert-manager.io/v1"));
    /** Fields each kind must have (JSON pointers into the object). */
    static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("Deployment", List.of("/spec/selector/matchLabels", "/spec/template/metadata/labels",
                    "/spec/template/spec/containers/0/name", "/spec/template/spec/containers/0/image")),
            Map.entry("Service", List.of("/spec/selector", "/spec/ports/0/port")),
            Map.entry("Ingress", List.of("/spec/rules/0/host", "/spec/tls/0/secretName")),
            Map.entry("NetworkPolicy", List.of("/spec/podSelector", "/spec/policyTypes/0")),
            Map.entry("PodDisruptionBudget", List.of("/spec/selector/matchLabels")),
            Map.entry("HorizontalPodAutoscaler", List.of("/spec/scaleTargetRef/name", "/spec/maxReplicas",
                    "/spec/metrics/0/resource/target/averageUtilization")),
            Map.entry("PrometheusRule", List.of("/spec/groups/0/rules/0/expr")),
            Map.entry("Kafka", List.of("/spec/kafka/listeners/0/port", "/spec/kafka/authorization/type",
                    "/spec/entityOperator/topicOperator", "/spec/entityOperator/userOperator")),
            Map.entry("KafkaNodePool", List.of("/spec/replicas", "/spec/roles/0", "/spec/storage/type",
                    "/metadata/labels/strimzi.io~1cluster")),
            Map.entry("KafkaTopic", List.of("/spec/partitions", "/spec/replicas", "/metadata/labels/strimzi.io~1cluster")),
            Map.entry("KafkaUser", List.of("/spec/authentication/type", "/spec/authorization/acls/0",
                    "/metadata/labels/strimzi.io~1cluster")),
            Map.entry("Cluster", List.of("/spec/instances", "/spec/storage/size")),
            Map.entry("Database", List.of("/spec/name", "/spec/owner", "/spec/cluster/name")),
            Map.entry("ScheduledBackup", List.of("/spec/schedule", "/spec/cluster/name")),
            Map.entry("Keycloak", List.of("/spec/db/vendor", "/spec/db/host", "/spec/hostname/hostname")),
            Map.entry("KeycloakRealmImport", List.of("/spec/keycloakCRName", "/spec/realm/realm")));
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    static Path overlay(String name) {
        return Project.root().resolve("deploy/k8s/overlays").resolve(name);
    }

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    static synchronized List<JsonNode> render(String name) throws Exception {
        if (!RENDERED.containsKey(name)) {
            RENDERED.put(name, Kustomize.render(overlay(name)));
        }
        return RENDERED.get(name);
    }

    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    static List<JsonNode> all(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void everyOverlayIsChecked() throws Exception {
        try (var dirs = Files.list(Project.root().resolve("deploy/k8s/overlays"))) {
            assertEquals(Set.of("local-kind", "production"),
                    dirs.map(d -> d.getFileName().toString()).collect(Collectors.toSet()),
                    "a new overlay must be added to the @ValueSource of the tests below");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-kind", "production"})
    void everyObjectHasAKnownKindApiVersionAndItsRequiredFields(String name) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (JsonNode o : render(name)) {
            String kind = o.path("kind").asText();
            String id = kind + "/" + o.path("metadata").path("name").asText("?");
            if (!seen.add(id)) {
                problems.add(id + " twice");
            }
            if (!API_VERSIONS.containsKey(kind)) {
                problems.add(id + ": kind not known to this test");
                continue;
            }
            if (!API_VERSIONS.get(kind).equals(o.path("apiVersion").asText())) {
                problems.add(id + ": apiVersion " + o.path("apiVersion").asText() + ", expected " + API_VERSIONS.get(kind));
            }
            if (o.path("metadata").path("name").asText().isEmpty()) {
                problems.add(id + ": no metadata.name");
            }
            if (!CLUSTER_SCOPED.contains(kind) && !"uputnica".equals(o.path("metadata").path("namespace").asText())) {
                problems.add(id + ": not in the namespace uputnica");
            }
            for (String field : REQUIRED.getOrDefault(kind, List.of())) {
                if (o.at(field).isMissingNode() || o.at(field).isNull()) {
                    problems.add(id + ": no " + field);
                }
            }
            if (kind.equals("Deployment")) {
                JsonNode selector = o.at("/spec/selector/matchLabels");
                JsonNode labels = o.at("/spec/template/metadata/labels");
                selector.fields().forEachRemaining(e -> {
                    if (!e.getValue().equals(labels.path(e.getKey()))) {
                        problems.add(id + ": the pod template lacks the selector's label " + e.getKey());
                    }
                });
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-kind", "production"})
    void referencesPointAtObjectsThatExist(String name) throws Exception {
        List<JsonNode> objects = render(name);
        List<String> problems = new ArrayList<>();
        Set<String> services = all(objects, "Service").stream().map(s -> s.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        services.add("uputnica-keycloak-service"); // made by the Keycloak operator
        for (JsonNode ingress : all(objects, "Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                if (!services.contains(backend.path("name").asText())) {
                    problems.add("Ingress routes to a Service that does not exist: " + backend.path("name").asText());
                }
            }
        }
        for (JsonNode hpa : all(objects, "HorizontalPodAutoscaler")) {
            if (find(objects, "Deployment", hpa.at("/spec/scaleTargetRef/name").asText()) == null) {
                problems.add("HPA " + hpa.at("/metadata/name").asText() + " scales no Deployment");
            }
        }
        for (JsonNode pdb : all(objects, "PodDisruptionBudget")) {
            Map<String, String> selector = labels(pdb.at("/spec/selector/matchLabels"));
            boolean matches = all(objects, "Deployment").stream()
                    .anyMatch(d -> labels(d.at("/spec/template/metadata/labels")).entrySet().containsAll(selector.entrySet()))
                    || selector.containsKey("app.kubernetes.io/instance");
            if (!matches) {
                problems.add("PDB " + pdb.at("/metadata/name").asText() + " selects no pods");
            }
        }
        for (JsonNode d : all(objects, "Database")) {
            if (find(objects, "Cluster", d.at("/spec/cluster/name").asText()) == null) {
                problems.add("Database " + d.at("/spec/name").asText() + " is in no Cluster");
            }
        }
        for (JsonNode r : all(objects, "KeycloakRealmImport")) {
            if (find(objects, "Keycloak", r.at("/spec/keycloakCRName").asText()) == null) {
                problems.add("KeycloakRealmImport for a Keycloak that does not exist");
            }
        }
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            for (JsonNode o : all(objects, kind)) {
                if (find(objects, "Kafka", o.at("/metadata/labels/strimzi.io~1cluster").asText()) == null) {
                    problems.add(kind + " " + o.at("/metadata/name").asText() + " names no Kafka cluster");
                }
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-kind", "production"})
    void workloadsAreProbedOnTheManagementPortWithRequestsLimitsAndNoPrivilege(String name) throws Exception {
        List<JsonNode> objects = render(name);
        List<String> problems = new ArrayList<>();
        for (String workload : Project.WORKLOADS) {
            JsonNode d = find(objects, "Deployment", workload);
            if (d == null) {
                problems.add("no Deployment " + workload);
                continue;
            }
            JsonNode c = d.at("/spec/template/spec/containers/0");
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                if (c.at("/" + probe + "/httpGet/port").asInt() != 9000
                        || !c.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/")) {
                    problems.add(workload + ": " + probe + " not on /q/health of the management port 9000");
                }
            }
            for (String field : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory",
                    "/securityContext/readOnlyRootFilesystem", "/securityContext/allowPrivilegeEscalation")) {
                if (c.at(field).isMissingNode()) {
                    problems.add(workload + ": no " + field);
                }
            }
            if (!d.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()) {
                problems.add(workload + ": may run as root");
            }
            if (find(objects, "PodDisruptionBudget", workload) == null || find(objects, "HorizontalPodAutoscaler", workload) == null) {
                problems.add(workload + ": no PodDisruptionBudget or no HorizontalPodAutoscaler");
            }
            if (find(objects, "NetworkPolicy", workload) == null) {
                problems.add(workload + ": no NetworkPolicy");
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local-kind", "production"})
    void everyVariableAServiceNeedsIsSetInItsDeployment(String name) throws Exception {
        List<JsonNode> objects = render(name);
        String readme = Files.readString(Project.root().resolve("deploy/k8s/README.md"));
        List<String> problems = new ArrayList<>();
        for (String workload : Project.WORKLOADS) {
            if (!Project.exists(workload)) {
                continue; // a module not in this checkout (the console before it lands)
            }
            JsonNode c = find(objects, "Deployment", workload).at("/spec/template/spec/containers/0");
            Set<String> set = new TreeSet<>();
            c.path("env").forEach(e -> set.add(e.path("name").asText()));
            Map<String, Set<String>> outOfBand = new HashMap<>();
            for (JsonNode from : c.path("envFrom")) {
                boolean secret = from.has("secretRef");
                String ref = from.path(secret ? "secretRef" : "configMapRef").path("name").asText();
                JsonNode source = find(objects, secret ? "Secret" : "ConfigMap", ref);
                if (source != null) {
                    source.path("data").fieldNames().forEachRemaining(set::add);
                    source.path("stringData").fieldNames().forEachRemaining(set::add);
                } else if (secret) {
                    outOfBand.put(ref, new TreeSet<>());
                } else {
                    problems.add(workload + ": the ConfigMap " + ref + " is not in the overlay");
                }
            }
            for (String variable : Project.requiredVariables(workload)) {
                if (set.contains(variable)) {
                    continue;
                }
                // a Secret created outside the repository (production): the README must say what goes in it
                boolean documented = outOfBand.keySet().stream()
                        .anyMatch(secret -> Pattern.compile("`" + secret + "`[^\\n]*`" + variable + "`").matcher(readme).find());
                if (!documented) {
                    problems.add(workload + " reads " + variable + " (no default under %prod, or a localhost one), and "
                            + name + " does not set it" + (outOfBand.isEmpty() ? "" : " nor does deploy/k8s/README.md list it for "
                            + outOfBand.keySet()));
                }
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
    }

    @Test
    void thereIsAKafkaTopicForEveryTopicOfTheEventsModule() throws Exception {
        List<JsonNode> objects = render("production");
        Map<String, Integer> declared = new TreeMap<>();
        for (JsonNode t : all(objects, "KafkaTopic")) {
            declared.put(t.at("/spec/topicName").asText(t.at("/metadata/name").asText()), t.at("/spec/partitions").asInt());
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (Topic t : Topic.all()) {
            expected.put(t.topicName(), t.partitions());
        }
        assertEquals(expected, declared);
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopicsAndReadsOnlyWhatItConsumes() throws Exception {
        List<JsonNode> objects = render("production");
        List<String> problems = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        for (String workload : Project.WORKLOADS) {
            if (!Project.exists(workload)) {
                continue;
            }
            List<Project.Channel> channels = Project.incomingChannels(workload);
            JsonNode user = find(objects, "KafkaUser", workload);
            if (channels.isEmpty()) {
                if (user != null) {
                    problems.add(workload + " uses no Kafka but has a KafkaUser");
                }
                continue;
            }
            if (user == null) {
                problems.add(workload + " has no KafkaUser");
                continue;
            }
            Set<String> reads = new TreeSet<>(), writes = new TreeSet<>(), groups = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                String type = acl.at("/resource/type").asText(), resource = acl.at("/resource/name").asText();
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(op -> ops.add(op.asText()));
                if (!"literal".equals(acl.at("/resource/patternType").asText())) {
                    problems.add(workload + ": ACL on a pattern, not one " + type);
                }
                if (type.equals("group")) {
                    groups.add(resource);
                } else if (type.equals("topic") && ops.contains("Write")) {
                    writes.add(resource);
                } else if (type.equals("topic") && ops.contains("Read")) {
                    reads.add(resource);
                }
                if (ops.stream().anyMatch(op -> !Set.of("Read", "Write", "Describe").contains(op))) {
                    problems.add(workload + ": more than Read, Write and Describe on " + resource + ": " + ops);
                }
            }
            Set<String> consumed = channels.stream().map(Project.Channel::topic).collect(Collectors.toCollection(TreeSet::new));
            Set<String> ownGroups = channels.stream().map(Project.Channel::group).collect(Collectors.toCollection(TreeSet::new));
            Set<String> deadLetters = channels.stream().map(Project.Channel::deadLetterTopic)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            if (!reads.equals(consumed)) {
                problems.add(workload + " may read " + reads + " but consumes " + consumed);
            }
            if (!groups.equals(ownGroups)) {
                problems.add(workload + " may use the groups " + groups + " but its channels use " + ownGroups);
            }
            if (!writes.containsAll(deadLetters)) {
                problems.add(workload + " cannot write its dead-letter topics " + deadLetters);
            }
            // besides its dead letters, a service writes only the events topic of its own domain (case-service: case),
            // and one whose outbox relay runs must be able to
            String domain = workload.replace("-service", "");
            boolean publishes = !"off".equals(Project.prodConfig(workload).get("uputnica.outbox.poll-interval"));
            if (publishes && !writes.contains("uputnica." + domain + ".events.v1")) {
                problems.add(workload + " publishes through its outbox but cannot write uputnica." + domain + ".events.v1");
            }
            for (String topic : writes) {
                if (!deadLetters.contains(topic) && !topic.equals("uputnica." + domain + ".events.v1")) {
                    problems.add(workload + " may write " + topic + ", which is not its own");
                }
                if (!written.add(topic)) {
                    problems.add(topic + " is written by two services");
                }
            }
            JsonNode jaas = find(objects, "Deployment", workload).findValues("env").stream()
                    .flatMap(env -> java.util.stream.StreamSupport.stream(env.spliterator(), false))
                    .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElse(null);
            if (jaas == null || !workload.equals(jaas.at("/valueFrom/secretKeyRef/name").asText())) {
                problems.add(workload + ": KAFKA_SASL_JAAS_CONFIG does not come from its KafkaUser's Secret");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eachServiceHasItsOwnDatabaseAndRole() throws Exception {
        List<JsonNode> objects = render("local-kind");
        JsonNode cluster = all(objects, "Cluster").get(0);
        Map<String, String> rolePasswords = new TreeMap<>();
        cluster.at("/spec/managed/roles").forEach(r -> rolePasswords.put(r.path("name").asText(),
                r.at("/passwordSecret/name").asText()));
        Map<String, String> owners = new TreeMap<>();
        all(objects, "Database").forEach(d -> owners.put(d.at("/spec/name").asText(), d.at("/spec/owner").asText()));
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (String workload : Project.WORKLOADS) {
            JsonNode env = find(objects, "Deployment", workload).at("/spec/template/spec/containers/0/env");
            Map<String, JsonNode> vars = new TreeMap<>();
            env.forEach(e -> vars.put(e.path("name").asText(), e));
            String url = vars.keySet().stream().filter(v -> v.endsWith("_DB_URL")).findFirst().orElse(null);
            if (url == null) {
                continue; // no database (the console)
            }
            String prefix = url.substring(0, url.length() - "URL".length());
            Matcher m = Pattern.compile("jdbc:postgresql://uputnica-db-rw:5432/(\\w+)").matcher(vars.get(url).path("value").asText());
            if (!m.matches()) {
                problems.add(workload + ": " + url + " is not a database of the cluster's primary");
                continue;
            }
            String database = m.group(1), owner = owners.get(database);
            String secret = vars.get(prefix + "USER").at("/valueFrom/secretKeyRef/name").asText();
            if (owner == null || !secret.equals(rolePasswords.get(owner))
                    || !secret.equals(vars.get(prefix + "PASSWORD").at("/valueFrom/secretKeyRef/name").asText())) {
                problems.add(workload + ": database " + database + " (owner " + owner + ") and the login in " + secret + " do not agree");
            }
            if (!used.add(database)) {
                problems.add(database + " is used by two services");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theAlertsUseMetricsTheCodeRegisters() throws Exception {
        JsonNode rules = all(render("production"), "PrometheusRule").get(0);
        Set<String> registered = Project.meters();
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("uputnica_[a-z_]+").matcher(rules.at("/spec/groups").toString());
        while (m.find()) {
            used.add(m.group());
        }
        used.removeIf(registered::contains);
        assertTrue(used.isEmpty(), "alerts on metrics nobody registers: " + used + "; registered: " + registered);
        String all = rules.toString();
        for (String watched : List.of("uputnica_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "uputnica_events_poison_total", "kafka_topic_partition_current_offset", "uputnica_deadlines_fired_total")) {
            assertTrue(all.contains(watched), "no alert on " + watched);
        }
    }

    @Test
    void theIngressRoutesEveryResourceOfEachServiceToThatService() throws Exception {
        JsonNode ingress = find(render("production"), "Ingress", "uputnica");
        Map<String, String> routes = new TreeMap<>();
        for (JsonNode path : ingress.findValues("paths")) {
            path.forEach(p -> routes.put(p.path("path").asText(), p.at("/backend/service/name").asText()));
        }
        List<String> problems = new ArrayList<>();
        for (String service : List.of("case-service", "referral-service", "notification-service")) {
            for (String root : Project.resourceRoots(service)) {
                if (!service.equals(routes.get("/api/v1/" + root))) {
                    problems.add("/api/v1/" + root + " goes to " + routes.get("/api/v1/" + root) + ", not " + service);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theRealmImportIsGeneratedFromTheRealm() throws Exception {
        Path target = Project.root().resolve(RealmImport.TARGET);
        String expected = RealmImport.render(Project.root());
        if (!expected.equals(Files.exists(target) ? Files.readString(target) : "")) {
            Path fresh = Path.of("target/realm-import.yaml");
            Files.writeString(fresh, expected);
            throw new AssertionError(RealmImport.TARGET + " is not what RealmImport makes of " + RealmImport.SOURCE
                    + ": run deploy/k8s/generate (or copy " + fresh.toAbsolutePath() + ")");
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
