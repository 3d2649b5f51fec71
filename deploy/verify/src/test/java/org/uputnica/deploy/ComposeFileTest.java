package org.uputnica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uputnica.events.Topic;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/compose/docker-compose.yml is a valid Compose file (the Compose specification's JSON schema, in
 * src/test/resources with where it came from) and runs what the code needs: the images of the `images` profile at
 * the project's version, every variable each service reads, the topics of the events module, Keycloak in production
 * mode on its own database, a mail catcher.
 */
class ComposeFileTest {
    static JsonNode compose;

    @BeforeAll
    static void read() throws Exception {
        // SnakeYAML resolves the merge keys (<<: *service-env) as Compose does
        try (Reader r = Files.newBufferedReader(Project.root().resolve("deploy/compose/docker-compose.yml"))) {
            compose = new ObjectMapper().valueToTree(new Yaml().load(r));
        }
    }

    @Test
    void validAgainstTheComposeSpecification() throws Exception {
        try (InputStream schemaFile = ComposeFileTest.class.getResourceAsStream("/compose-spec.json")) {
            // the file's "$id" is a bare file name, which the validator refuses as a base URI: give it an absolute one
            ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(schemaFile);
            spec.put("$id", "urn:compose-spec:compose_spec.json");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(spec);
            Set<ValidationMessage> errors = schema.validate(compose);
            assertTrue(errors.isEmpty(), "docker-compose.yml: " + errors);
        }
    }

    @Test
    void theServicesRunTheImagesOfTheImagesProfileWithWhatTheyRead() throws Exception {
        String version = System.getProperty("uputnica.version", "0.1.0-SNAPSHOT");
        List<String> problems = new ArrayList<>();
        for (String workload : Project.WORKLOADS) {
            JsonNode service = compose.at("/services/" + workload);
            if (service.isMissingNode()) {
                problems.add("no service " + workload);
                continue;
            }
            if (!("uputnica/" + workload + ":" + version).equals(service.path("image").asText())) {
                problems.add(workload + " runs " + service.path("image").asText() + ", not the image of -Pimages");
            }
            if (service.has("build")) {
                problems.add(workload + " is built by compose, not by Jib");
            }
            if (!Project.exists(workload)) {
                continue;
            }
            for (String variable : Project.requiredVariables(workload)) {
                if (!service.at("/environment").has(variable)) {
                    problems.add(workload + " reads " + variable + ", which compose does not set");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void mailGoesToTheMailCatcherAndLinksToTheConsole() {
        JsonNode env = compose.at("/services/notification-service/environment");
        JsonNode catcher = compose.at("/services/" + env.path("SMTP_HOST").asText());
        assertTrue(catcher.path("image").asText().contains("mailpit"), "SMTP_HOST is not the mail catcher: " + env);
        assertTrue(env.path("UPUTNICA_CONSOLE_URL").asText().endsWith(":8084"), "e-mails do not link to the console");
    }

    @Test
    void keycloakRunsInProductionModeOnItsOwnDatabase() throws Exception {
        JsonNode keycloak = compose.at("/services/keycloak");
        List<String> command = new ArrayList<>();
        keycloak.path("command").forEach(c -> command.add(c.asText()));
        assertEquals("start", command.get(0), "not production mode: " + command);
        assertEquals("postgres", keycloak.at("/environment/KC_DB").asText());
        String database = keycloak.at("/environment/KC_DB_URL").asText().replaceAll(".*/", "");
        String init = Files.readString(Project.root().resolve("deploy/compose/postgres-init/create-databases.sql"));
        assertTrue(init.contains("CREATE DATABASE " + database + ";"), "Keycloak's database " + database + " is not created");
    }

    @Test
    void theTopicsAreThoseOfTheEventsModule() {
        String command = compose.at("/services/kafka-topics/command/0").asText();
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(uputnica\\.[a-z.-]+\\.v1):(\\d+)").matcher(command);
        while (m.find()) {
            created.add(m.group(1) + ":" + m.group(2));
        }
        Set<String> expected = new TreeSet<>();
        Topic.all().forEach(t -> expected.add(t.topicName() + ":" + t.partitions()));
        assertEquals(expected, created);
    }

    /** Each service's ACLs in compose (kafka-topics' acl lines) are those of its KafkaUser in deploy/k8s. */
    @Test
    void kafkaAuthenticatesEveryServiceAndItsAclsAreThoseOfItsKafkaUser() throws Exception {
        String command = compose.at("/services/kafka-topics/command/0").asText();
        Set<String> granted = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^\\s*acl ([a-z-]+) (.*)$").matcher(command);
        while (line.find()) {
            List<String> operations = new ArrayList<>();
            Matcher op = Pattern.compile("--operation (\\w+)").matcher(line.group(2));
            while (op.find()) {
                operations.add(op.group(1));
            }
            Matcher res = Pattern.compile("--(topic|group) ([\\w.-]+)").matcher(line.group(2));
            while (res.find()) {
                for (String operation : operations) {
                    granted.add(line.group(1) + " " + res.group(1) + " " + res.group(2) + " " + operation);
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        try (Reader r = Files.newBufferedReader(Project.root().resolve("deploy/k8s/base/kafka/users.yaml"))) {
            for (Object doc : new Yaml().loadAll(r)) {
                JsonNode user = new ObjectMapper().valueToTree(doc);
                for (JsonNode acl : user.at("/spec/authorization/acls")) {
                    for (JsonNode operation : acl.path("operations")) {
                        expected.add(user.at("/metadata/name").asText() + " " + acl.at("/resource/type").asText() + " "
                                + acl.at("/resource/name").asText() + " " + operation.asText());
                    }
                }
            }
        }
        assertEquals(expected, granted);
        assertEquals("false", compose.at("/services/kafka/environment/KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText());
        assertTrue(compose.at("/services/kafka/environment/KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText()
                .matches("([A-Z]+:SASL_PLAINTEXT,?)+"), "a listener without authentication");
        for (String service : List.of("case-service", "referral-service", "notification-service")) {
            JsonNode env = compose.at("/services/" + service + "/environment");
            assertEquals("SASL_PLAINTEXT", env.path("KAFKA_SECURITY_PROTOCOL").asText(), service);
            assertTrue(env.path("KAFKA_SASL_JAAS_CONFIG").asText().contains("username=\"" + service + "\""), service);
        }
    }
}
